using Gan.Abstractions;

namespace Gan.Tracking;

/// <summary>A run that records nothing (tracking disabled).</summary>
internal sealed class NullTrackedRun : ITrackedRun
{
    public string RunId { get; } = Guid.NewGuid().ToString("N");

    public string ExperimentId => string.Empty;

    public string ArtifactUri => string.Empty;

    public void LogMetric(string key, double value, long step)
    {
    }

    public void LogMetrics(IReadOnlyDictionary<string, double> values, long step)
    {
    }

    public void LogParam(string key, string value)
    {
    }

    public void SetTag(string key, string value)
    {
    }

    public void LogArtifact(string artifactPath, byte[] content)
    {
    }

    public void LogImage(string key, byte[] png, long step)
    {
    }

    public void LogDatasets(IReadOnlyList<DatasetInfo> datasets)
    {
    }

    /// <inheritdoc />
    public void LogModel(LoggedModelRequest model)
    {
    }

    /// <inheritdoc />
    public Task EndAsync(RunStatus status, CancellationToken ct) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

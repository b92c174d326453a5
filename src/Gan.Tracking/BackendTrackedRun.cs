using Gan.Abstractions;

namespace Gan.Tracking;

/// <summary>
/// A plugin backend's run as the engine's <see cref="ITrackedRun"/>. The 1.1 contract carries the <see cref="IRunTracker"/>
/// calls and the end; datasets and logged models, which need this assembly's types, are not passed on.
/// </summary>
internal sealed class BackendTrackedRun(ITrackingBackendRun run) : ITrackedRun
{
    public string RunId => run.RunId;

    public string ExperimentId => string.Empty;

    public string ArtifactUri => string.Empty;

    public void LogMetric(string key, double value, long step) => run.LogMetric(key, value, step);

    public void LogMetrics(IReadOnlyDictionary<string, double> values, long step) => run.LogMetrics(values, step);

    public void LogParam(string key, string value) => run.LogParam(key, value);

    public void SetTag(string key, string value) => run.SetTag(key, value);

    public void LogArtifact(string artifactPath, byte[] content) => run.LogArtifact(artifactPath, content);

    public void LogImage(string key, byte[] png, long step) => run.LogImage(key, png, step);

    public void LogDatasets(IReadOnlyList<DatasetInfo> datasets)
    {
    }

    public void LogModel(LoggedModelRequest model)
    {
    }

    public Task EndAsync(RunStatus status, CancellationToken ct) => run.EndAsync(status.ToString().ToUpperInvariant(), ct);

    public ValueTask DisposeAsync() => run.DisposeAsync();
}

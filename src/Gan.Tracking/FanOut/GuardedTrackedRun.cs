using Gan.Abstractions;

namespace Gan.Tracking.FanOut;

/// <summary>
/// A run whose every call is shielded: an exception marks its tracker failed (reported once by <see cref="TrackerFault"/>)
/// and later calls are skipped. Used for the extra trackers of <c>tracking.also</c> and for plugins' backends, whose
/// code the host does not control.
/// </summary>
internal sealed class GuardedTrackedRun(ITrackedRun inner, TrackerFault fault) : ITrackedRun
{
    /// <summary>How long ending the run may take before the host stops waiting for this tracker.</summary>
    public static TimeSpan EndTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public string RunId => inner.RunId;

    public string ExperimentId => inner.ExperimentId;

    public string ArtifactUri => inner.ArtifactUri;

    public void LogMetric(string key, double value, long step) => Guard(nameof(LogMetric), () => inner.LogMetric(key, value, step));

    public void LogMetrics(IReadOnlyDictionary<string, double> values, long step) => Guard(nameof(LogMetrics), () => inner.LogMetrics(values, step));

    public void LogParam(string key, string value) => Guard(nameof(LogParam), () => inner.LogParam(key, value));

    public void SetTag(string key, string value) => Guard(nameof(SetTag), () => inner.SetTag(key, value));

    public void LogArtifact(string artifactPath, byte[] content) => Guard(nameof(LogArtifact), () => inner.LogArtifact(artifactPath, content));

    public void LogImage(string key, byte[] png, long step) => Guard(nameof(LogImage), () => inner.LogImage(key, png, step));

    public void LogDatasets(IReadOnlyList<DatasetInfo> datasets) => Guard(nameof(LogDatasets), () => inner.LogDatasets(datasets));

    public void LogModel(LoggedModelRequest model) => Guard(nameof(LogModel), () => inner.LogModel(model));

    public async Task EndAsync(RunStatus status, CancellationToken ct)
    {
        if (fault.HasFailed)
        {
            return;
        }

        try
        {
            await inner.EndAsync(status, ct).WaitAsync(EndTimeout, ct);
        }
        catch (Exception ex)
        {
            fault.Report(nameof(EndAsync), ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await inner.DisposeAsync();
        }
        catch (Exception ex)
        {
            fault.Report(nameof(DisposeAsync), ex);
        }
    }

    private void Guard(string operation, Action call)
    {
        if (fault.HasFailed)
        {
            return;
        }

        try
        {
            call();
        }
        catch (Exception ex)
        {
            fault.Report(operation, ex);
        }
    }
}

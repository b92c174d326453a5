namespace Gan.Tracking;

/// <summary>Tracking disabled: runs get a random id and record nothing.</summary>
public sealed class NullTrackingStore : ITrackingStore
{
    /// <inheritdoc />
    public string Description => "tracking disabled";

    /// <inheritdoc />
    public Task<ITrackedRun> StartRunAsync(RunStartRequest request, CancellationToken ct) =>
        Task.FromResult<ITrackedRun>(new NullTrackedRun());

    /// <inheritdoc />
    public Task<MetricHistoryTrim?> TrimMetricHistoryAsync(string runId, long lastStep, CancellationToken ct) =>
        Task.FromResult<MetricHistoryTrim?>(null);
}

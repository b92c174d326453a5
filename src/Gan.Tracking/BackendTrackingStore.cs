using Gan.Abstractions;
using Gan.Tracking.FanOut;

namespace Gan.Tracking;

/// <summary>The store of a plugin's <see cref="ITrackingBackend"/> at one URI (see <see cref="BackendTrackingProvider"/>).</summary>
internal sealed class BackendTrackingStore(ITrackingBackend backend, Uri uri, string description, TrackerFault fault) : ITrackingStore
{
    public string Description => description;

    public async Task<ITrackedRun> StartRunAsync(RunStartRequest request, CancellationToken ct)
    {
        var run = await backend.StartRunAsync(
            new TrackingBackendRunRequest(uri, request.ExperimentName, request.RunName, request.Tags, request.ParentRunId, request.ExistingRunId), ct);
        return new GuardedTrackedRun(new BackendTrackedRun(run), fault);
    }

    // The contract has no way to delete values; a resumed run appends to what the backend holds.
    public Task<MetricHistoryTrim?> TrimMetricHistoryAsync(string runId, long lastStep, CancellationToken ct) =>
        Task.FromResult<MetricHistoryTrim?>(null);
}

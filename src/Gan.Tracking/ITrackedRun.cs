using Gan.Abstractions;

namespace Gan.Tracking;

/// <summary>
/// A started run as the engine sees it: the plugin-facing <see cref="IRunTracker"/> (every call enqueues and
/// returns; a background task writes) plus the lifecycle the engine controls.
/// </summary>
public interface ITrackedRun : IRunTracker, IAsyncDisposable
{
    /// <summary>The experiment the run belongs to.</summary>
    string ExperimentId { get; }

    /// <summary>Where the run's artifacts live (MLflow's <c>artifact_uri</c>, e.g. <c>file:///abs/mlruns/1/&lt;run&gt;/artifacts</c>).</summary>
    string ArtifactUri { get; }

    /// <summary>Records the datasets the run read as MLflow dataset inputs (queued like every other record).</summary>
    void LogDatasets(IReadOnlyList<DatasetInfo> datasets);

    /// <summary>Records a trained network as an MLflow model (queued like every other record; see <see cref="LoggedModelRequest"/>).</summary>
    void LogModel(LoggedModelRequest model);

    /// <summary>
    /// Writes everything still queued, then records <paramref name="status"/> and the end time. Waits a bounded
    /// time for the writer (logging an error rather than hanging if storage is stuck). Later logging calls are ignored.
    /// </summary>
    Task EndAsync(RunStatus status, CancellationToken ct);
}

namespace Gan.Tracking;

/// <summary>
/// A place runs are recorded: MLflow's SQLite store, its file store or an MLflow server. The engine calls
/// <see cref="StartRunAsync"/> once per training run, off the training loop, and owns the returned run.
/// </summary>
public interface ITrackingStore
{
    /// <summary>Human text for the console, e.g. "MLflow file store at /abs/mlruns".</summary>
    string Description { get; }

    /// <summary>
    /// Creates (or, with <see cref="RunStartRequest.ExistingRunId"/>, reopens) a run. May do I/O and may throw
    /// when the store cannot be used at all; once it returns, logging on the run never throws.
    /// The caller must end the run with <see cref="ITrackedRun.EndAsync"/> and dispose it.
    /// </summary>
    Task<ITrackedRun> StartRunAsync(RunStartRequest request, CancellationToken ct);

    /// <summary>
    /// Before a resumed run appends again, drops the values of <paramref name="runId"/> logged after
    /// <paramref name="lastStep"/> (a killed run logged them after its checkpoint; the resumed run logs those steps
    /// again), so every step appears once. Called while no writer has the run open. Null when the store keeps nothing.
    /// </summary>
    Task<MetricHistoryTrim?> TrimMetricHistoryAsync(string runId, long lastStep, CancellationToken ct);
}

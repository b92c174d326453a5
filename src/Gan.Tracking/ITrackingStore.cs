namespace Gan.Tracking;

/// <summary>
/// A place runs are recorded (the MLflow file store, later an MLflow server). The engine calls
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
}

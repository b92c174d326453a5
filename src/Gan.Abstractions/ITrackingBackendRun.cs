namespace Gan.Abstractions;

/// <summary>
/// A run an <see cref="ITrackingBackend"/> started (contracts 1.1): the <see cref="IRunTracker"/> calls every component
/// makes, plus the end the host controls. Like every tracker, its calls should enqueue and return.
/// </summary>
public interface ITrackingBackendRun : IRunTracker, IAsyncDisposable
{
    /// <summary>
    /// Writes what is still queued and records the final <paramref name="status"/>, MLflow's name for it:
    /// <c>FINISHED</c>, <c>FAILED</c> or <c>KILLED</c>. Called once, before <see cref="IAsyncDisposable.DisposeAsync"/>;
    /// it should finish within a bounded time (the host stops waiting for it after a minute).
    /// </summary>
    Task EndAsync(string status, CancellationToken cancellationToken);
}

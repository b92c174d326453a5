namespace Gan.Abstractions;

/// <summary>
/// A place to record runs that a plugin adds (contracts 1.1), chosen by the scheme of a tracking URI: register it in
/// <see cref="IGanPlugin.Configure"/> with <c>services.AddSingleton&lt;ITrackingBackend, MyBackend&gt;()</c> and an
/// experiment may name it in <c>tracking.uri</c> or <c>tracking.also</c> (<c>tb:///runs/events</c>). The host's own
/// backends (<c>sqlite</c>, <c>file</c> and plain folders, <c>http</c>, <c>https</c>) come first: a backend cannot take
/// their schemes.
/// </summary>
/// <remarks>
/// The host calls <see cref="Validate"/> while checking the experiment (<c>gan validate</c>, and before a run trains),
/// then <see cref="StartRunAsync"/> once per run off the training loop: the experiment's run, and one per stage of a
/// multi-stage experiment (with <see cref="TrackingBackendRunRequest.ParentRunId"/>). The host owns each returned run,
/// ends it with <see cref="ITrackingBackendRun.EndAsync"/> and disposes it.
/// </remarks>
public interface ITrackingBackend
{
    /// <summary>The URI schemes this backend takes, without the colon and in lower case (<c>"tb"</c>).</summary>
    IReadOnlyCollection<string> Schemes { get; }

    /// <summary>
    /// Refuses a URI this backend cannot record to, with a <see cref="GanInputException"/> saying why. Called before
    /// anything trains; it should not write anything.
    /// </summary>
    void Validate(Uri uri);

    /// <summary>Human text for the console and for warnings, e.g. "TensorBoard event files in /abs/runs".</summary>
    string Describe(Uri uri);

    /// <summary>
    /// Starts a run at <see cref="TrackingBackendRunRequest.Uri"/>. May do I/O and may throw when the place cannot be
    /// used at all; once it returns, the run's calls should not throw (a host that records to several places ignores
    /// a backend whose run throws, and says so once).
    /// </summary>
    Task<ITrackingBackendRun> StartRunAsync(TrackingBackendRunRequest request, CancellationToken cancellationToken);
}

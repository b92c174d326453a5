namespace Gan.Tracking;

/// <summary>
/// Makes the stores for the tracking URIs of some schemes. <see cref="TrackingProviderRegistry"/> asks each provider in
/// turn whether it <see cref="CanHandle"/> a URI; the first that does validates the target and creates its store.
/// The built-in providers are <see cref="Sqlite.SqliteTrackingProvider"/>, <see cref="FileTrackingProvider"/> and
/// <see cref="RestTrackingProvider"/>; a plugin's <c>Gan.Abstractions.ITrackingBackend</c> comes in through
/// <see cref="BackendTrackingProvider"/>.
/// </summary>
public interface ITrackingProvider
{
    /// <summary>The schemes this provider takes, for messages (<c>sqlite</c>; <c>file</c>, which also stands for a plain folder).</summary>
    IReadOnlyCollection<string> Schemes { get; }

    /// <summary>True when <paramref name="uri"/> is for this provider (by its scheme; a plain path has none).</summary>
    bool CanHandle(string uri);

    /// <summary>Refuses a target this provider cannot record to, with a <c>GanInputException</c>. Does no I/O.</summary>
    void Validate(TrackingTarget target);

    /// <summary>The store for a target <see cref="Validate"/> accepted. Does no I/O: the store opens on its first run.</summary>
    ITrackingStore Create(TrackingTarget target);
}

namespace Gan.Tracking;

/// <summary>What <see cref="TrackingSync"/> did with one run's spool.</summary>
/// <param name="RunId">The run.</param>
/// <param name="TrackingUri">The server it belongs to.</param>
/// <param name="Sent">Records delivered (or refused for good and reported) now.</param>
/// <param name="Left">Records still spooled (the server did not answer).</param>
/// <param name="Error">Why records were left, when some were.</param>
public sealed record SpoolSyncResult(string RunId, string TrackingUri, int Sent, int Left, string? Error);

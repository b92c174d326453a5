namespace Gan.Tracking;

/// <summary>
/// One queued logging call, already validated and sanitised on the caller's thread. A struct so logging a
/// metric allocates nothing beyond the channel's own storage.
/// </summary>
/// <param name="Kind">What to record.</param>
/// <param name="Key">Metric/param/tag key, or the artifact path (forward slashes, relative).</param>
/// <param name="Text">Param or tag value.</param>
/// <param name="Value">Metric value.</param>
/// <param name="Step">Metric step; for <see cref="TrackingOperationKind.End"/> the <see cref="RunStatus"/>.</param>
/// <param name="Timestamp">Milliseconds since the Unix epoch when the call was made.</param>
/// <param name="Content">Artifact bytes (a private copy).</param>
internal readonly record struct TrackingOperation(
    TrackingOperationKind Kind,
    string Key,
    string? Text,
    double Value,
    long Step,
    long Timestamp,
    byte[]? Content);

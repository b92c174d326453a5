namespace Gan.Tracking;

/// <summary>One recorded metric value, as a line of an MLflow metric file holds it.</summary>
/// <param name="Timestamp">Milliseconds since the Unix epoch when the value was logged.</param>
/// <param name="Value">The value.</param>
/// <param name="Step">The training step it belongs to.</param>
public sealed record MetricPoint(long Timestamp, double Value, long Step);

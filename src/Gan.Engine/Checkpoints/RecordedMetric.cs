namespace Gan.Engine.Checkpoints;

/// <summary>One metric value as logged.</summary>
/// <param name="Key">Metric name.</param>
/// <param name="Value">Its value.</param>
/// <param name="Step">The step it was logged at.</param>
public sealed record RecordedMetric(string Key, double Value, long Step);

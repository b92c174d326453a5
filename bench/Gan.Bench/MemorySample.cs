namespace Gan.Bench;

/// <summary>Resident memory after a step.</summary>
/// <param name="Step">The training step just finished.</param>
/// <param name="RssBytes">VmRSS at that moment.</param>
public sealed record MemorySample(long Step, long RssBytes);

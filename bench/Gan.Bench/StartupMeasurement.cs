namespace Gan.Bench;

/// <summary>One start-up measurement of the gan executable.</summary>
/// <param name="ToFirstStep">From launch to the end of the first training step.</param>
/// <param name="ProcessTotal">From launch to exit (includes closing the run and the process).</param>
internal sealed record StartupMeasurement(TimeSpan ToFirstStep, TimeSpan ProcessTotal);

namespace Gan.Tracking;

/// <summary>How the REST backend waits, retries and spools. Defaults suit a training run; tests shorten them.</summary>
public sealed class MlflowRestOptions
{
    /// <summary>Default spool root: <c>./mlruns-spool</c>, beside the default file store.</summary>
    public const string DefaultSpoolFolder = "mlruns-spool";

    /// <summary>Where records wait while the server is unreachable: <c>&lt;folder&gt;/&lt;run id&gt;/</c>.</summary>
    public string SpoolDirectory { get; set; } = Path.GetFullPath(DefaultSpoolFolder);

    /// <summary>How long starting a run waits for an unreachable server before failing with a clear message.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the background sender retries one request before spooling to disk and probing later.</summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long ending a run may spend sending what is left; the rest stays spooled for <c>gan tracking sync</c>.</summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First retry delay; doubles per attempt, with jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest delay between retries (and between probes while spooling).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Exponential back-off with full jitter in [½, 1] of the nominal delay.</summary>
    internal TimeSpan Backoff(int attempt, TimeSpan? retryAfter = null)
    {
        var nominal = InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        nominal = Math.Min(nominal, MaxBackoff.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds(nominal * (0.5 + Random.Shared.NextDouble() * 0.5));
        return retryAfter is { } after && after > delay ? (after < MaxBackoff ? after : MaxBackoff) : delay;
    }
}

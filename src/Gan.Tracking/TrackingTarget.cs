namespace Gan.Tracking;

/// <summary>
/// One place a run is to be recorded: the URI, resolved already (configured, else <c>MLFLOW_TRACKING_URI</c>, else the
/// default store), and the settings the providers read. Plain data; the engine builds it from the experiment's
/// <c>tracking:</c> section.
/// </summary>
/// <param name="Uri">The tracking URI (<c>sqlite:///mlflow.db</c>, <c>http://host:5000</c>, a folder, a plugin's scheme).</param>
public sealed record TrackingTarget(string Uri)
{
    /// <summary>Where the URI was written, for messages: <c>tracking.uri</c> or <c>tracking.also.1</c>.</summary>
    public string Setting { get; init; } = "tracking.uri";

    /// <summary>
    /// True when the URI was written in the experiment file rather than taken from the environment or the default:
    /// such a URI must not carry credentials (the resolved experiment is published with the run).
    /// </summary>
    public bool Configured { get; init; }

    /// <summary>Where new experiments of a SQLite store keep artifacts (MLflow's client: <c>./mlruns</c>, absolute).</summary>
    public string ArtifactRoot { get; init; } = Path.GetFullPath("mlruns");

    /// <summary>Where a server's records wait while it is unreachable.</summary>
    public string SpoolDirectory { get; init; } = Path.GetFullPath(MlflowRestOptions.DefaultSpoolFolder);

    /// <summary>How long starting a run waits for an unreachable server.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long ending a run may spend sending what is left.</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request is retried before the records are spooled.</summary>
    public TimeSpan RetryBudget { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Accept a self-signed server certificate; null leaves it to <c>MLFLOW_TRACKING_INSECURE_TLS</c>.</summary>
    public bool? InsecureTls { get; init; }
}

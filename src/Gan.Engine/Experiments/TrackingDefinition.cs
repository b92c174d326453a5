using System.ComponentModel;

namespace Gan.Engine.Experiments;

/// <summary>
/// The <c>tracking:</c> section; unset values fall back to MLflow's environment variables. Credentials are
/// deliberately not settable here: the resolved experiment is logged as params and as an artifact, so secrets
/// come from MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD only.
/// </summary>
public sealed class TrackingDefinition
{
    [Description("Record the run at all.")]
    public bool Enabled { get; set; } = true;

    [Description("Tracking URI: sqlite:///FILE.db (MLflow's SQLite store), http(s):// (MLflow server, REST API), or a folder or file: URI (MLflow's file store, for MLflow before 3.7). Default: $MLFLOW_TRACKING_URI, else sqlite:///mlflow.db (./mlruns when it already holds a file store and no mlflow.db exists).")]
    public string? Uri { get; set; }

    [Description("More places every run is recorded in, besides uri: tracking URIs as for uri, or a scheme a plugin adds (e.g. [sqlite:///backup.db, http://mlflow:5000]). Each gets a run of its own, tagged with the main run's id; one that fails is reported once and left out, and training goes on.")]
    public List<string> Also { get; set; } = [];

    [Description("MLflow experiment name. Default: $MLFLOW_EXPERIMENT_NAME, else the experiment's name.")]
    public string? Experiment { get; set; }

    [Description("Run name. Default: the experiment's name and the start time.")]
    public string? RunName { get; set; }

    [Description("Record system metrics (CPU, memory, disk, network, GPU, the process's resident memory) and throughput in the run every $MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL seconds (default 10). Default: $MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING, else true.")]
    public bool? SystemMetrics { get; set; }

    [Description("Extra tags set on the run.")]
    public Dictionary<string, string> Tags { get; set; } = [];

    [Description("Accept a self-signed server certificate. Default: $MLFLOW_TRACKING_INSECURE_TLS, else false.")]
    public bool? InsecureTls { get; set; }

    [Description("Folder where records wait while the server is unreachable (<folder>/<run id>/). Default: $GAN_TRACKING_SPOOL, else ./mlruns-spool.")]
    public string? SpoolDir { get; set; }

    [Description("Seconds starting a run waits for an unreachable server before failing.")]
    public double StartTimeoutSeconds { get; set; } = 30;

    [Description("Seconds ending a run may spend sending what is left; the rest stays spooled for 'gan tracking sync'.")]
    public double FlushTimeoutSeconds { get; set; } = 30;

    [Description("Seconds the background sender retries a request before spooling to disk. Default 15.")]
    public double RetrySeconds { get; set; } = 15;
}

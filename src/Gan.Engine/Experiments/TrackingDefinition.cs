using System.ComponentModel;

namespace Gan.Engine.Experiments;

/// <summary>The <c>tracking:</c> section; unset values fall back to MLflow's environment variables.</summary>
public sealed class TrackingDefinition
{
    [Description("Record the run at all.")]
    public bool Enabled { get; set; } = true;

    [Description("Tracking URI: a folder or file: URI (MLflow file store), or http(s)://. Default: $MLFLOW_TRACKING_URI, else ./mlruns.")]
    public string? Uri { get; set; }

    [Description("MLflow experiment name. Default: $MLFLOW_EXPERIMENT_NAME, else the experiment's name.")]
    public string? Experiment { get; set; }

    [Description("Run name. Default: the experiment's name and the start time.")]
    public string? RunName { get; set; }

    [Description("Extra tags set on the run.")]
    public Dictionary<string, string> Tags { get; set; } = [];
}

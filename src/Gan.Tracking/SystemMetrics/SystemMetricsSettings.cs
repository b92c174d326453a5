using System.Globalization;

namespace Gan.Tracking.SystemMetrics;

/// <summary>
/// Whether and how often system metrics are sampled: the experiment's <c>tracking.system_metrics</c> switch, else
/// MLflow's <c>MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING</c>, else on; the interval from
/// <c>MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL</c> (seconds), else 10 s as in MLflow.
/// </summary>
public sealed record SystemMetricsSettings(bool Enabled, TimeSpan Interval)
{
    /// <summary>MLflow's switch.</summary>
    public const string EnableVariable = "MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING";

    /// <summary>MLflow's interval, in seconds.</summary>
    public const string IntervalVariable = "MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL";

    /// <summary>MLflow's default interval.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    /// <summary>Resolves the settings from the YAML switch and the environment.</summary>
    public static SystemMetricsSettings Resolve(bool? configured, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var enabled = configured ?? environment(EnableVariable)?.Trim().ToLowerInvariant() switch
        {
            "false" or "0" or "no" or "off" => false,
            _ => true,
        };
        var interval = double.TryParse(environment(IntervalVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultInterval;
        return new SystemMetricsSettings(enabled, interval);
    }
}

namespace Gan.Tracking;

/// <summary>
/// What one <c>runs/log-batch</c> may carry (mlflow/utils/validation.py: MAX_METRICS_PER_BATCH,
/// MAX_PARAMS_TAGS_PER_BATCH, MAX_ENTITIES_PER_BATCH, MAX_BATCH_LOG_REQUEST_SIZE).
/// </summary>
public static class LogBatchLimits
{
    /// <summary>Metrics per request.</summary>
    public const int MaxMetrics = 1000;

    /// <summary>Params per request.</summary>
    public const int MaxParams = 100;

    /// <summary>Tags per request.</summary>
    public const int MaxTags = 100;

    /// <summary>Metrics, params and tags together per request.</summary>
    public const int MaxEntities = 1000;

    /// <summary>Request body size in bytes.</summary>
    public const int MaxRequestBytes = 1_000_000;
}

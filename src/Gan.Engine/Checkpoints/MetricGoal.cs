namespace Gan.Engine.Checkpoints;

/// <summary>Whether a smaller or a larger value of a metric is better.</summary>
public enum MetricGoal
{
    /// <summary>Smaller is better (losses, FID).</summary>
    Min,

    /// <summary>Larger is better (accuracy, inception score).</summary>
    Max,
}

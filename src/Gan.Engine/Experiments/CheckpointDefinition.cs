using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.Experiments;

/// <summary>The <c>checkpoints:</c> section.</summary>
public sealed class CheckpointDefinition
{
    [Description("Save network weights at all.")]
    public bool Enabled { get; set; } = true;

    [Description("Folder checkpoints are written under, one subfolder per run.")]
    public string Directory { get; set; } = "checkpoints";

    [Range(1, int.MaxValue), Description("Save every N epochs (weights under epochNNNN, plus a resumable training state); the end of each stage is always saved.")]
    public int? EveryEpochs { get; set; }

    [Range(1, int.MaxValue), Description("Save a resumable training state every N steps (networks, optimisers, RNG, data position).")]
    public long? EverySteps { get; set; }

    [Range(1, 1_000_000), Description("Resumable training states kept: the last N, plus the best by best_metric.")]
    public int Keep { get; set; } = 3;

    [Description("Metric that picks the best training state to keep besides the last ones, e.g. d_loss or fid.")]
    public string? BestMetric { get; set; }

    [Description("min or max: whether a smaller or larger best_metric is better.")]
    public Checkpoints.MetricGoal BestMode { get; set; } = Checkpoints.MetricGoal.Min;

    [Description("Also store checkpoints as run artifacts.")]
    public bool LogArtifacts { get; set; }

    /// <summary>A copy whose best checkpoint is chosen by <paramref name="metric"/>.</summary>
    internal CheckpointDefinition WithBest(string metric, Checkpoints.MetricGoal mode)
    {
        var copy = (CheckpointDefinition)MemberwiseClone();
        (copy.BestMetric, copy.BestMode) = (metric, mode);
        return copy;
    }
}

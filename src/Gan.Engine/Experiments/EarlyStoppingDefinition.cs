using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Engine.Checkpoints;

namespace Gan.Engine.Experiments;

/// <summary>A stage's <c>early_stopping:</c> section: stop when a metric has stopped improving.</summary>
public sealed class EarlyStoppingDefinition
{
    [Required, Description("A value the stage's metrics report at their cadence (metrics_every), e.g. quality/fid or val_bleu4.")]
    public string Metric { get; set; } = "";

    [Description("min: smaller is better; max: larger is better.")]
    public MetricGoal Mode { get; set; } = MetricGoal.Min;

    [Range(1, int.MaxValue), Description("Evaluations without an improvement of at least min_delta before the stage stops.")]
    public int Patience { get; set; } = 5;

    [Range(0.0, double.MaxValue), Description("The least change over the best value so far that counts as an improvement.")]
    public double MinDelta { get; set; }
}

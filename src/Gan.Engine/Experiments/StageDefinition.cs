using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using YamlDotNet.RepresentationModel;

namespace Gan.Engine.Experiments;

/// <summary>One training stage: a trainer run for a number of epochs or steps.</summary>
public sealed class StageDefinition
{
    /// <summary>The default of <see cref="PrefetchBatches"/>.</summary>
    public const int PrefetchDefault = 0;

    [Description("Name shown in the progress display and used as the child run's name.")]
    public string Name { get; set; } = "train";

    [Description("The trainer component; default 'adversarial' (the standard GAN loop).")]
    public YamlNode? Trainer { get; set; }

    [Range(1, int.MaxValue), Description("Passes over the training data. Give epochs or steps.")]
    public int? Epochs { get; set; }

    [Range(1, long.MaxValue), Description("Training steps (batches). Give epochs or steps; with both, whichever ends first.")]
    public long? Steps { get; set; }

    [Range(1, long.MaxValue), Description("Log the trainer's per-step values every N steps.")]
    public long LogEvery { get; set; } = 1;

    [Range(1, long.MaxValue), Description("Compute the experiment's metrics every N steps; default: at the end of each epoch.")]
    public long? MetricsEvery { get; set; }

    [Range(1, long.MaxValue), Description("Render samples every N steps; default: at the end of each epoch.")]
    public long? SamplesEvery { get; set; }

    [Range(0, 64), Description("Batches read ahead on a background thread. 0 reads on the training thread: a second thread running torch operations starts a second OpenMP team, which on few cores costs more than it saves. Raise it for sources whose reading is slow and not already parallel.")]
    public int PrefetchBatches { get; set; } = PrefetchDefault;

    [Description("Optimiser settings for this stage, overriding the experiment's by role.")]
    public Dictionary<string, OptimizerDefinition> Optimizers { get; set; } = [];

    [Description("Stop the stage when a metric has not improved for a number of evaluations (metric, mode, patience, min_delta).")]
    public EarlyStoppingDefinition? EarlyStopping { get; set; }

    [Description("Learning-rate schedules for this stage, overriding the experiment's by role.")]
    public Dictionary<string, SchedulerDefinition> Schedulers { get; set; } = [];
}

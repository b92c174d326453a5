using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Engine.Checkpoints;
using YamlDotNet.RepresentationModel;

namespace Gan.Engine.Sweeps;

/// <summary>
/// The <c>sweep:</c> section: which experiment keys to vary (the dotted paths of <c>--set</c>), how trials
/// are chosen, how they are ranked, and where they run.
/// </summary>
public sealed class SweepDefinition
{
    [Description("grid (every combination), random (max_trials draws) or asha (successive halving over min_steps..max_steps).")]
    public SweepMethod Method { get; set; } = SweepMethod.Grid;

    [Description("Values by dotted key (as --set): a list of values, or for random search {min, max, log, integer}.")]
    public Dictionary<string, YamlNode> Parameters { get; set; } = [];

    [Range(1, 100_000), Description("Trial budget: at most this many trials (required for random search).")]
    public int? MaxTrials { get; set; }

    [Description("Seed of the random search's draws (the trials' own seed is the experiment's).")]
    public int Seed { get; set; }

    [Description("Metric that ranks the trials (its last logged value), e.g. d_loss or fid.")]
    public string? Metric { get; set; }

    [Description("min or max: whether a smaller or larger metric is better.")]
    public MetricGoal Mode { get; set; } = MetricGoal.Min;

    [Range(1, long.MaxValue), Description("asha: steps of the last stage every trial trains (the first rung).")]
    public long? MinSteps { get; set; }

    [Range(1, long.MaxValue), Description("asha: steps of the last stage the surviving trials reach (the last rung); it becomes that stage's steps.")]
    public long? MaxSteps { get; set; }

    [Range(2, 100), Description("asha: each rung keeps the best 1/reduction_factor of its trials and trains them reduction_factor times longer.")]
    public int ReductionFactor { get; set; } = 3;

    [Range(1, 1024), Description("Local executor: trials run at once; each gets max(1, cores / parallel) torch threads.")]
    public int Parallel { get; set; } = 1;

    [Description("local (processes on this machine) or slurm (a job array).")]
    public SweepExecutorKind Executor { get; set; } = SweepExecutorKind.Local;

    [Description("Folder sweep folders (manifest, trial logs and results, summary) are created in.")]
    public string Directory { get; set; } = "sweeps";

    [Description("Slurm submission settings.")]
    public SlurmDefinition Slurm { get; set; } = new();
}

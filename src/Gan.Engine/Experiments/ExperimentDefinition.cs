using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using YamlDotNet.RepresentationModel;

namespace Gan.Engine.Experiments;

/// <summary>
/// The top level of an experiment file. Component sections (<c>data</c>, <c>model.*</c>, <c>loss</c>,
/// <c>metrics</c>, <c>samples</c>, a stage's <c>trainer</c>) stay raw YAML here: their options class is
/// known only once plugins are loaded, so <see cref="ExperimentLoader"/> binds them in a second pass.
/// </summary>
public sealed class ExperimentDefinition
{
    [Required, Description("Name of the experiment; the MLflow experiment and run names default to it.")]
    public string Name { get; set; } = "";

    [Description("Free text shown in the MLflow UI as the run's note.")]
    public string? Description { get; set; }

    [Description("Seed for every random stream: weights, noise, data order. Same seed and threads, same CPU run.")]
    public int Seed { get; set; }

    [Description("auto (CUDA when present, else CPU), cpu, cuda or cuda:N.")]
    public string Device { get; set; } = "auto";

    [Range(1, 1024), Description("CPU threads for torch; default: torch's own choice (all cores).")]
    public int? Threads { get; set; }

    [Description("Folder relative data paths resolve against. Default: $GAN_DATA_ROOT, else ./data.")]
    public string? DataRoot { get; set; }

    [Description("Folder for caches (processed datasets, helper models). Default: $GAN_CACHE_DIR, else ./.cache.")]
    public string? CacheRoot { get; set; }

    [Description("Extra plugin folders to load for this experiment.")]
    public List<string> Plugins { get; set; } = [];

    [Required, Description("The data source: a component name, or a mapping with 'type' and its options.")]
    public YamlNode? Data { get; set; }

    [Description("Networks by role (generator, discriminator, ...): each a component with options.")]
    public Dictionary<string, YamlNode> Model { get; set; } = [];

    [Description("The adversarial loss strategy.")]
    public YamlNode? Loss { get; set; }

    [Description("Optimisers by role (generator, discriminator, default).")]
    public Dictionary<string, OptimizerDefinition> Optimizers { get; set; } = [];

    [Description("Exponential moving averages of generators' weights, by generator role: kept as the network '<role>_ema', checkpointed, logged, and (by default) what samples and metrics use.")]
    public Dictionary<string, EmaDefinition> Ema { get; set; } = [];

    [Description("Learning-rate schedules by optimiser role (or default): constant, linear, step, exponential, cosine, with optional warm-up.")]
    public Dictionary<string, SchedulerDefinition> Schedulers { get; set; } = [];

    [Description("Training stages, run in order.")]
    public List<StageDefinition> Stages { get; set; } = [];

    [Description("Periodic evaluations, computed at each stage's metrics cadence.")]
    public List<YamlNode> Metrics { get; set; } = [];

    [Description("Sample renderers, run at each stage's sample cadence.")]
    public List<YamlNode> Samples { get; set; } = [];

    [Description("Where and how the run is recorded.")]
    public TrackingDefinition Tracking { get; set; } = new();

    [Description("Data-parallel training over MPI ranks launched by mpirun or srun: enabled (auto, on, off) and the gradient bucket size.")]
    public DistributedDefinition Distributed { get; set; } = new();

    [Description("When network weights are saved.")]
    public CheckpointDefinition Checkpoints { get; set; } = new();

    [Description("A hyper-parameter sweep over this experiment (run with 'gan sweep' or 'gan run'); trials ignore it.")]
    public Sweeps.SweepDefinition? Sweep { get; set; }

    [Description("The health monitor: NaN/Inf weights stop the run keeping the last good networks; a winning discriminator or a collapsing generator raise warnings.")]
    public Health.HealthDefinition Health { get; set; } = new();
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gan.Engine.Checkpoints;

/// <summary>
/// <c>state.json</c> of a training-state checkpoint: what the other files in the folder are and everything
/// small that resume needs (position, RNG state, trainer counters, tracking run ids, last metric values).
/// </summary>
public sealed class CheckpointManifest
{
    /// <summary>The file name inside a checkpoint folder.</summary>
    public const string FileName = "state.json";

    /// <summary>Version of this layout.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Layout version.</summary>
    public int Format { get; set; } = CurrentFormat;

    /// <summary>The experiment's name.</summary>
    public string Experiment { get; set; } = "";

    /// <summary>The (root) tracking run the checkpoint belongs to.</summary>
    public string RunId { get; set; } = "";

    /// <summary>Tracking run of each stage of a multi-stage experiment, by stage index.</summary>
    public Dictionary<int, string> StageRunIds { get; set; } = [];

    /// <summary>
    /// The tracking store the runs are recorded in, as the store describes itself (no credentials), so that a
    /// resume pointed at another store can name the one that holds the run. Absent in older checkpoints.
    /// </summary>
    public string? TrackingStore { get; set; }

    /// <summary>The stage's name at <see cref="TrainingPosition.StageIndex"/>.</summary>
    public string StageName { get; set; } = "";

    /// <summary>Where training stands.</summary>
    public TrainingPosition Position { get; set; } = TrainingPosition.StartOf(0);

    /// <summary>
    /// Ranks of the data-parallel run that wrote it (1 alone, and in checkpoints written before ranks existed): a run
    /// resumed with another number of ranks converts the position's batches through the global steps taken.
    /// </summary>
    public int WorldSize { get; set; } = 1;

    /// <summary>Why it was written: <c>steps</c>, <c>epoch</c>, <c>stage-end</c> or <c>interrupted</c>.</summary>
    public string Reason { get; set; } = "";

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>Network weight files and each tensor's shape, by instance.</summary>
    public List<NetworkEntry> Networks { get; set; } = [];

    /// <summary>Optimiser state files, in the order the trainer created the optimisers.</summary>
    public List<OptimizerEntry> Optimizers { get; set; } = [];

    /// <summary>torch's CPU generator state (<c>torch.get_rng_state()</c>), base64.</summary>
    public string CpuRngState { get; set; } = "";

    /// <summary>
    /// The trainer's state in checkpoints written before contracts 1.1; read on resume, no longer written (see
    /// <see cref="ComponentState"/>).
    /// </summary>
    public Dictionary<string, string> TrainerState { get; set; } = [];

    /// <summary>
    /// Values of each stateful component (<see cref="Gan.Abstractions.IStatefulComponent"/>) by slot (<c>trainer</c>,
    /// <c>loss</c>, <c>metric0:Fid</c>, ...); their tensors are in <see cref="StateTensorFile.FileName"/>.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> ComponentState { get; set; } = [];

    /// <summary>Last value logged for every metric key, at the time of the checkpoint.</summary>
    public Dictionary<string, double> Metrics { get; set; } = [];

    /// <summary>Metric values logged since the previous checkpoint (re-logged on resume where the store lacks them).</summary>
    public List<RecordedMetric> RecentMetrics { get; set; } = [];

    /// <summary>Reads a manifest, naming the file on failure.</summary>
    public static CheckpointManifest Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllText(path), Json)
                ?? throw new JsonException("the file is empty");
        }
        catch (JsonException ex)
        {
            throw new Abstractions.GanInputException($"{path}: not a readable checkpoint manifest ({ex.Message}).");
        }
    }

    /// <summary>The manifest as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One network's weights in a checkpoint.</summary>
/// <param name="Instance">The network instance name (usually its role).</param>
/// <param name="File">File name in the checkpoint folder.</param>
/// <param name="Shapes">Every state-dict tensor and its shape, for the compatibility check.</param>
/// <param name="Role">The <c>model:</c> role it was built from; absent in older checkpoints (then the instance name).</param>
public sealed record NetworkEntry(string Instance, string File, Dictionary<string, long[]> Shapes, string? Role = null);

/// <summary>One optimiser's state in a checkpoint.</summary>
/// <param name="Role">The role it was created for.</param>
/// <param name="Type">TorchSharp optimiser class, e.g. <c>Adam</c>.</param>
/// <param name="File">File name in the checkpoint folder.</param>
/// <param name="LearningRates">Learning rate of each parameter group (the schedule's position).</param>
public sealed record OptimizerEntry(string Role, string Type, string File, List<double> LearningRates);

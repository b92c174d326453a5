using System.Text.Json;
using System.Text.Json.Serialization;
using Gan.Abstractions;
using Gan.Engine.Checkpoints;

namespace Gan.Engine.Sweeps;

/// <summary>
/// <c>sweep.json</c>, written by the parent before any trial starts: everything a trial process (local or a
/// Slurm array task on another node) needs to run trial N, and what the parent needs to follow and rank them.
/// </summary>
public sealed class SweepManifest
{
    /// <summary>The file name inside a sweep folder.</summary>
    public const string FileName = "sweep.json";

    /// <summary>The result file name inside a trial's folder.</summary>
    public const string ResultFileName = "result.json";

    /// <summary>Shared JSON settings of the sweep files.</summary>
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The experiment's name.</summary>
    public string Experiment { get; set; } = "";

    /// <summary>Absolute path of the experiment file.</summary>
    public string ExperimentPath { get; set; } = "";

    /// <summary>Working folder trials run in (relative paths in the experiment resolve against it).</summary>
    public string WorkingDirectory { get; set; } = "";

    /// <summary>The <c>gan</c> executable trials run.</summary>
    public string Executable { get; set; } = "";

    /// <summary>Extra plugin folders given on the parent's command line.</summary>
    public List<string> Plugins { get; set; } = [];

    /// <summary><c>--set</c> assignments of the parent, applied to every trial before its own.</summary>
    public List<string> BaseOverrides { get; set; } = [];

    /// <summary>The trials.</summary>
    public List<TrialSpec> Trials { get; set; } = [];

    /// <summary>Torch threads of each trial.</summary>
    public int ThreadsPerTrial { get; set; } = 1;

    /// <summary>The parent tracking run.</summary>
    public string ParentRunId { get; set; } = "";

    /// <summary>How the trials were chosen; asha runs them in rungs.</summary>
    public SweepMethod Method { get; set; }

    /// <summary>asha: the step each rung trains the last stage to, first rung first; empty for other methods.</summary>
    public List<long> Rungs { get; set; } = [];

    /// <summary>asha: the fraction (1/factor) of a rung's trials promoted to the next.</summary>
    public int ReductionFactor { get; set; } = 3;

    /// <summary>The ranking metric.</summary>
    public string? Metric { get; set; }

    /// <summary>Whether smaller or larger is better.</summary>
    public MetricGoal Mode { get; set; }

    /// <summary>Where the trials run.</summary>
    public SweepExecutorKind Executor { get; set; }

    /// <summary>Local executor: trials at once.</summary>
    public int Parallel { get; set; } = 1;

    /// <summary>Slurm submission settings.</summary>
    public SlurmDefinition Slurm { get; set; } = new();

    /// <summary>Slurm job ids submitted for this sweep, latest last.</summary>
    public List<string> SlurmJobs { get; set; } = [];

    /// <summary>When the sweep was created.</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>Reads <c>sweep.json</c> from <paramref name="sweepFolder"/>.</summary>
    public static SweepManifest Read(string sweepFolder)
    {
        var path = Path.Combine(sweepFolder, FileName);
        if (!File.Exists(path))
        {
            throw new GanInputException($"{sweepFolder} is not a sweep folder: it has no {FileName}.");
        }

        try
        {
            return JsonSerializer.Deserialize<SweepManifest>(File.ReadAllText(path), Json) ?? throw new JsonException("empty");
        }
        catch (JsonException ex)
        {
            throw new GanInputException($"{path}: not a readable sweep manifest ({ex.Message}).");
        }
    }

    /// <summary>Writes <c>sweep.json</c> atomically.</summary>
    public void Write(string sweepFolder) =>
        AtomicFile.WriteText(Path.Combine(sweepFolder, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>The trial with <paramref name="index"/>, or a clear error.</summary>
    public TrialSpec Trial(int index) =>
        Trials.FirstOrDefault(t => t.Index == index)
        ?? throw new GanInputException($"The sweep has trials 0..{Trials.Count - 1}; there is no trial {index}.");
}

/// <summary>One trial as stored in the manifest.</summary>
/// <param name="Index">Zero-based trial number (the Slurm array task id).</param>
/// <param name="Overrides">The trial's own <c>--set</c> assignments.</param>
public sealed record TrialSpec(int Index, List<string> Overrides)
{
    /// <summary>asha: the rung the trial runs, or last ran (0 first); 0 for other methods.</summary>
    public int Rung { get; set; }

    /// <summary>The trial's folder name.</summary>
    public string FolderName => $"trial{Index:D3}";
}

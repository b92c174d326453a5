using System.Text.Json;
using Gan.Engine.Checkpoints;

namespace Gan.Engine.Sweeps;

/// <summary><c>trialNNN/result.json</c>: how one trial ended and its last metric values.</summary>
public sealed class TrialResult
{
    /// <summary>Trial number.</summary>
    public int Index { get; set; }

    /// <summary>FINISHED, FAILED, KILLED, or (written by the parent) LOST when the process left no result.</summary>
    public string Status { get; set; } = "";

    /// <summary>The trial's tracking run.</summary>
    public string? RunId { get; set; }

    /// <summary>The trial process's exit code.</summary>
    public int ExitCode { get; set; }

    /// <summary>Why it failed.</summary>
    public string? Message { get; set; }

    /// <summary>Last value of every metric logged.</summary>
    public Dictionary<string, double> Metrics { get; set; } = [];

    /// <summary>asha: the rung this result is of (0 first).</summary>
    public int Rung { get; set; }

    /// <summary>Steps the last stage had trained when the trial ended or paused.</summary>
    public long Steps { get; set; }

    /// <summary>asha: the step the rung paused the trial at; null once it ran to the end of its last stage.</summary>
    public long? PausedAtStep { get; set; }

    /// <summary>Seconds from start to end.</summary>
    public double Seconds { get; set; }

    /// <summary>True when the trial finished.</summary>
    public bool Succeeded => Status == "FINISHED";

    /// <summary>Path of the result of trial <paramref name="trial"/> in <paramref name="sweepFolder"/>.</summary>
    public static string PathOf(string sweepFolder, TrialSpec trial) =>
        Path.Combine(sweepFolder, trial.FolderName, SweepManifest.ResultFileName);

    /// <summary>Where an asha trial's result of rung <paramref name="rung"/> is kept once the next rung starts.</summary>
    public static string RungPathOf(string sweepFolder, TrialSpec trial, int rung) =>
        Path.Combine(sweepFolder, trial.FolderName, $"rung{rung}.json");

    /// <summary>Reads a trial's result; null when it has none (not run, still running, or the process died).</summary>
    public static TrialResult? TryRead(string sweepFolder, TrialSpec trial) => TryReadFile(PathOf(sweepFolder, trial));

    /// <summary>Reads a result file; null when it is missing or unreadable.</summary>
    public static TrialResult? TryReadFile(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TrialResult>(File.ReadAllText(path), SweepManifest.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the result atomically.</summary>
    public void Write(string sweepFolder, TrialSpec trial) =>
        AtomicFile.WriteText(PathOf(sweepFolder, trial), JsonSerializer.Serialize(this, SweepManifest.Json));
}

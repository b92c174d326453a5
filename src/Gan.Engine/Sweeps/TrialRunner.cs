using System.Diagnostics;
using System.Globalization;
using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Experiments;
using Gan.Engine.Training;

namespace Gan.Engine.Sweeps;

/// <summary>
/// Runs one trial inside a <c>gan sweep trial</c> process: the experiment with the sweep's and the trial's
/// overrides and its threads budget, as a child of the sweep's parent run; then writes <c>result.json</c>.
/// </summary>
public static class TrialRunner
{
    /// <summary>The trial number: <paramref name="index"/>, else Slurm's array task id.</summary>
    public static int ResolveIndex(int? index)
    {
        if (index is { } given)
        {
            return given;
        }

        var fromSlurm = Environment.GetEnvironmentVariable(TrialCommand.ArrayTaskVariable);
        return int.TryParse(fromSlurm, NumberStyles.Integer, CultureInfo.InvariantCulture, out var task)
            ? task
            : throw new GanInputException($"Which trial? Pass --index N, or run as a Slurm array task ({TrialCommand.ArrayTaskVariable} is not set).");
    }

    /// <summary>The overrides of trial <paramref name="trial"/>: the sweep's, the trial's, then its threads unless it sets them.</summary>
    public static List<string> Overrides(SweepManifest manifest, TrialSpec trial)
    {
        var overrides = new List<string>(manifest.BaseOverrides);
        overrides.AddRange(trial.Overrides);
        if (!overrides.Any(o => o.StartsWith("threads=", StringComparison.Ordinal)))
        {
            overrides.Add(string.Create(CultureInfo.InvariantCulture, $"threads={manifest.ThreadsPerTrial}"));
        }

        return overrides;
    }

    /// <summary>
    /// How trial <paramref name="trial"/> runs: a child of the sweep's run; for asha, with its rung's pause step and,
    /// after the first rung, resumed from the checkpoint its previous rung paused at, into the same run.
    /// </summary>
    public static RunOptions Options(string sweepFolder, SweepManifest manifest, TrialSpec trial)
    {
        var tags = new Dictionary<string, string>
        {
            [SweepTags.Trial] = trial.Index.ToString(CultureInfo.InvariantCulture),
            [SweepTags.Overrides] = string.Join(" ", trial.Overrides),
        };
        if (manifest.Method != SweepMethod.Asha)
        {
            return new RunOptions { ParentRunId = manifest.ParentRunId, Tags = tags };
        }

        tags[SweepTags.Rung] = trial.Rung.ToString(CultureInfo.InvariantCulture);
        string? resume = null;
        if (trial.Rung > 0)
        {
            var previous = TrialResult.TryReadFile(TrialResult.RungPathOf(sweepFolder, trial, trial.Rung - 1));
            resume = previous?.RunId ?? throw new GanInputException(
                $"Trial {trial.Index} is at rung {trial.Rung} but its result of rung {trial.Rung - 1} is missing from {sweepFolder}.");
        }

        return new RunOptions
        {
            ParentRunId = manifest.ParentRunId,
            Tags = tags,
            Resume = resume,
            RungSteps = manifest.Rungs,
            PauseAtStep = trial.Rung < manifest.Rungs.Count - 1 ? manifest.Rungs[trial.Rung] : null,
        };
    }

    /// <summary>Runs the trial through <paramref name="run"/> and records its result; returns the process exit code.</summary>
    public static async Task<int> RunAsync(
        string sweepFolder,
        int index,
        ExperimentLoader loader,
        Func<ResolvedExperiment, RunOptions, Task<RunOutcome>> run)
    {
        sweepFolder = Path.GetFullPath(sweepFolder);
        var manifest = SweepManifest.Read(sweepFolder);
        var trial = manifest.Trial(index);
        Directory.CreateDirectory(Path.Combine(sweepFolder, trial.FolderName));
        var clock = Stopwatch.StartNew();
        var result = new TrialResult { Index = index };
        try
        {
            var experiment = loader.Load(manifest.ExperimentPath, Overrides(manifest, trial));
            var options = Options(sweepFolder, manifest, trial);
            var outcome = await run(experiment, options);
            result.Status = outcome.Status.ToString().ToUpperInvariant();
            result.RunId = outcome.RunId;
            result.ExitCode = outcome.ExitCode;
            result.Message = outcome.Message;
            result.Rung = trial.Rung;
            result.PausedAtStep = outcome.PausedAtStep;
            result.Steps = outcome.Stages.Count > 0 ? outcome.Stages[^1].Steps : 0;
            result.Metrics = options.FinalMetrics.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            result.Status = "FAILED";
            result.ExitCode = ExitCodes.BadInput;
            result.Message = ex.Message;
        }

        result.Seconds = clock.Elapsed.TotalSeconds;
        if (Distributed.LaunchEnvironment.Detect(Environment.GetEnvironmentVariable) is { Rank: > 0 })
        {
            return result.ExitCode; // a data-parallel trial's other ranks: rank 0 records the trial's result
        }

        result.Write(sweepFolder, trial);
        return result.ExitCode;
    }
}

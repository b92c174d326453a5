using System.Globalization;
using System.Text;
using Gan.Abstractions;

namespace Gan.Engine.Sweeps;

/// <summary>
/// Submits trials as one Slurm job array (<c>sbatch --array=i,j,...</c>): task N runs
/// <c>gan sweep trial SWEEP_FOLDER</c>, which reads <c>SLURM_ARRAY_TASK_ID</c> and the manifest. The parent
/// follows the array with <c>squeue</c> until no task is left, then asks <c>scontrol show job</c> how each
/// ended (<c>sacct</c> would need slurmdbd). The sweep folder must be on storage the nodes share.
/// </summary>
public sealed class SlurmTrialExecutor : ITrialExecutor
{
    /// <summary>The batch script's file name in the sweep folder.</summary>
    public const string ScriptName = "sweep.sbatch";

    /// <inheritdoc />
    public async Task RunAsync(string sweepFolder, SweepManifest manifest, IReadOnlyList<TrialSpec> trials, Action<string> report, CancellationToken cancellation)
    {
        foreach (var trial in trials)
        {
            Directory.CreateDirectory(Path.Combine(sweepFolder, trial.FolderName));
        }

        var script = Path.Combine(sweepFolder, ScriptName);
        await File.WriteAllTextAsync(script, Script(sweepFolder, manifest), cancellation);
        var slurm = manifest.Slurm;
        var array = string.Join(",", trials.Select(t => t.Index.ToString(CultureInfo.InvariantCulture)))
                    + (slurm.MaxConcurrent is { } limit ? $"%{limit}" : "");
        var arguments = new List<string>
        {
            "--parsable",
            $"--array={array}",
            $"--job-name=gan-{manifest.Experiment}",
            $"--chdir={manifest.WorkingDirectory}",
            $"--cpus-per-task={slurm.CpusPerTask}",
            $"--ntasks={slurm.TasksPerTrial}",
            $"--output={Path.Combine(sweepFolder, "trial%3a", "slurm-%A_%a.out")}",
        };
        if (slurm.Partition is { Length: > 0 } partition)
        {
            arguments.Add($"--partition={partition}");
        }

        if (slurm.Time is { Length: > 0 } time)
        {
            arguments.Add($"--time={time}");
        }

        arguments.AddRange(slurm.ExtraArgs);
        arguments.Add(script);
        var (exit, output, error) = await ExternalCommand.RunAsync("sbatch", arguments, cancellation);
        if (exit != 0)
        {
            throw new GanInputException($"sbatch refused the sweep's job array (exit code {exit}): {error.Trim()} {output.Trim()}");
        }

        var jobId = output.Trim().Split(';')[0];
        manifest.SlurmJobs.Add(jobId);
        manifest.Write(sweepFolder);
        report($"submitted Slurm job array {jobId} ({trials.Count} task(s)): {script}");
        try
        {
            await FollowAsync(jobId, slurm, report, cancellation);
        }
        catch (OperationCanceledException)
        {
            await ExternalCommand.RunAsync("scancel", [jobId], CancellationToken.None);
            report($"cancelled Slurm job {jobId}");
            throw;
        }

        var states = await FinalStatesAsync(jobId);
        foreach (var trial in trials)
        {
            var state = states.GetValueOrDefault(trial.Index, "UNKNOWN (no longer known to scontrol)");
            TrialLoss.RecordIfMissing(sweepFolder, trial, -1,
                $"Slurm task {jobId}_{trial.Index} ended {state} without a result; see {Path.Combine(sweepFolder, trial.FolderName)}/slurm-{jobId}_{trial.Index}.out");
            report($"trial {trial.Index}: Slurm {state}, {TrialResult.TryRead(sweepFolder, trial)?.Status}");
        }
    }

    /// <summary>The batch script: runs the trial whose number Slurm gives the task.</summary>
    public static string Script(string sweepFolder, SweepManifest manifest)
    {
        var script = new StringBuilder();
        script.Append("#!/bin/sh\n");
        script.Append("# Written by 'gan sweep'. Each array task runs one trial: it reads SLURM_ARRAY_TASK_ID and sweep.json.\n");
        script.Append("exec ");
        if (manifest.Slurm.TasksPerTrial > 1)
        {
            // The trial's ranks: srun starts one gan per task in the array task's allocation; rank 0 records the result.
            script.Append("srun");
            foreach (var argument in manifest.Slurm.SrunArgs)
            {
                script.Append(' ').Append(Quote(argument));
            }

            script.Append(' ');
        }

        script.Append(Quote(manifest.Executable));
        foreach (var argument in TrialCommand.Arguments(sweepFolder, manifest, index: null))
        {
            script.Append(' ').Append(Quote(argument));
        }

        return script.Append('\n').ToString();
    }

    private static async Task FollowAsync(string jobId, SlurmDefinition slurm, Action<string> report, CancellationToken cancellation)
    {
        var last = "";
        while (true)
        {
            var (exit, output, error) = await ExternalCommand.RunAsync("squeue", ["-h", "-j", jobId, "-o", "%i %T"], cancellation);
            if (exit != 0 && !error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"squeue failed (exit code {exit}): {error.Trim()}");
            }

            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines.Length == 0)
            {
                return;
            }

            var counts = string.Join(", ", lines.Select(l => l.Split(' ').Last()).GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Count()} {g.Key}"));
            if (counts != last)
            {
                report($"Slurm job {jobId}: {counts}");
                last = counts;
            }

            await Task.Delay(TimeSpan.FromSeconds(slurm.PollSeconds), cancellation);
        }
    }

    /// <summary>Each array task's final JobState from <c>scontrol show job -o</c> (one line per task).</summary>
    private static async Task<Dictionary<int, string>> FinalStatesAsync(string jobId)
    {
        var (_, output, _) = await ExternalCommand.RunAsync("scontrol", ["show", "job", "-o", jobId], CancellationToken.None);
        return ParseStates(output);
    }

    /// <summary>Parses <c>scontrol show job -o</c> output into array task id → JobState.</summary>
    public static Dictionary<int, string> ParseStates(string scontrolOutput)
    {
        var states = new Dictionary<int, string>();
        foreach (var line in scontrolOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.Split('=', 2))
                .Where(kv => kv.Length == 2)
                .GroupBy(kv => kv[0])
                .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
            if (fields.TryGetValue("ArrayTaskId", out var task) && int.TryParse(task, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                && fields.TryGetValue("JobState", out var state))
            {
                states[index] = fields.TryGetValue("ExitCode", out var code) ? $"{state} (exit {code})" : state;
            }
        }

        return states;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

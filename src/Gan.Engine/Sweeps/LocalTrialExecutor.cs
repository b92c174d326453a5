using System.Diagnostics;
using System.Globalization;

namespace Gan.Engine.Sweeps;

/// <summary>
/// Runs each trial as its own <c>gan sweep trial</c> process on this machine, <c>parallel</c> at a time:
/// a process per trial keeps torch's process-global state (RNG, thread pool) apart, and a crash takes
/// down one trial only. Each process's output goes to <c>trialNNN/output.log</c>.
/// </summary>
public sealed class LocalTrialExecutor : ITrialExecutor
{
    /// <inheritdoc />
    public async Task RunAsync(string sweepFolder, SweepManifest manifest, IReadOnlyList<TrialSpec> trials, Action<string> report, CancellationToken cancellation)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, manifest.Parallel));
        await Task.WhenAll(trials.Select(async trial =>
        {
            await gate.WaitAsync(cancellation);
            try
            {
                await RunOneAsync(sweepFolder, manifest, trial, report, cancellation);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static async Task RunOneAsync(string sweepFolder, SweepManifest manifest, TrialSpec trial, Action<string> report, CancellationToken cancellation)
    {
        var folder = Path.Combine(sweepFolder, trial.FolderName);
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(manifest.Executable)
        {
            WorkingDirectory = manifest.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in TrialCommand.Arguments(sweepFolder, manifest, trial.Index))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["COLUMNS"] = "200";
        report(trial.Rung > 0 ? $"trial {trial.Index} resumed for rung {trial.Rung + 1}" : $"trial {trial.Index} started: {string.Join(" ", trial.Overrides)}");
        // A later rung of an asha sweep adds to the trial's log.
        await using var log = new StreamWriter(Path.Combine(folder, "output.log"), append: trial.Rung > 0) { AutoFlush = true };
        using var process = Process.Start(start)!;
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C reaches the children through the terminal; a programmatic stop must end them here.
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.WaitForExit(); // drains the redirected output
        TrialLoss.RecordIfMissing(sweepFolder, trial, process.ExitCode,
            $"the trial process exited with code {process.ExitCode} without a result; see {Path.Combine(folder, "output.log")}");
        var result = TrialResult.TryRead(sweepFolder, trial);
        report(string.Create(CultureInfo.InvariantCulture, $"trial {trial.Index} {result?.Status ?? "LOST"} (exit code {process.ExitCode})"));
    }
}

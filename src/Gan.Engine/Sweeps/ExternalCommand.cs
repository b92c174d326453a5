using System.Diagnostics;
using Gan.Abstractions;

namespace Gan.Engine.Sweeps;

/// <summary>Runs a command-line tool (sbatch, squeue, scontrol) and captures its output.</summary>
internal static class ExternalCommand
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, IEnumerable<string> arguments, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new GanInputException($"Cannot run '{file}': {ex.Message}. The Slurm executor needs Slurm's client commands (sbatch, squeue, scontrol) on PATH.");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            var error = process.StandardError.ReadToEndAsync(cancellation);
            await process.WaitForExitAsync(cancellation);
            return (process.ExitCode, await output, await error);
        }
    }
}

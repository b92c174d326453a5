using System.Diagnostics;

namespace Gan.Engine.Tests.Sweeps;

/// <summary>
/// A real single-node Slurm for the Slurm executor test: the one .ci/run started (SLURM_CONF set), else one
/// started here with build/slurm-local.sh (installs slurm-wlm and munge with apt when missing; needs root).
/// When neither works, <see cref="Unavailable"/> says why and the test is skipped with that reason.
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    private readonly bool _startedHere;

    public SlurmCluster()
    {
        if (Environment.GetEnvironmentVariable("SLURM_CONF") is { Length: > 0 } existing && File.Exists(existing) && Responds())
        {
            return;
        }

        var (exit, output) = Script("start");
        var export = output.Split('\n').LastOrDefault(l => l.StartsWith("export SLURM_CONF=", StringComparison.Ordinal));
        if (exit != 0 || export is null)
        {
            Unavailable = $"a local Slurm could not be started (build/slurm-local.sh start exited {exit}): {output.Trim()}";
            return;
        }

        Environment.SetEnvironmentVariable("SLURM_CONF", export["export SLURM_CONF=".Length..].Trim());
        _startedHere = true;
    }

    /// <summary>Why Slurm cannot be used here; null when it can.</summary>
    public string? Unavailable { get; }

    public void Dispose()
    {
        if (_startedHere)
        {
            Script("stop");
        }
    }

    private static bool Responds()
    {
        try
        {
            using var sinfo = Process.Start(new ProcessStartInfo("sinfo", ["-h", "-o", "%t"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = sinfo.StandardOutput.ReadToEnd();
            sinfo.WaitForExit();
            return sinfo.ExitCode == 0 && output.Trim().Length > 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (int Exit, string Output) Script(string verb)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "build", "slurm-local.sh"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 5 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}

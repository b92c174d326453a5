using System.Diagnostics;
using Gan.Engine.Tests.Infrastructure;

namespace Gan.Engine.Tests.Distributed;

/// <summary>
/// Open MPI's mpirun for the data-parallel tests: found on PATH, else installed with build/openmpi-local.sh (apt, needs
/// root). When neither works, <see cref="Unavailable"/> says why and the tests are skipped with that reason.
/// </summary>
public sealed class OpenMpi
{
    public OpenMpi()
    {
        var (exit, output) = Run("bash", [Path.Combine(RepositoryPaths.Root, "build", "openmpi-local.sh")], RepositoryPaths.Root, TimeSpan.FromMinutes(5));
        if (exit != 0)
        {
            Unavailable = $"Open MPI is not available (build/openmpi-local.sh exited {exit}): {output.Trim()}";
            return;
        }

        MpiRun = output.Trim().Split('\n')[^1];
    }

    /// <summary>Why MPI cannot be used here; null when it can.</summary>
    public string? Unavailable { get; }

    public string MpiRun { get; } = "mpirun";

    /// <summary>Runs <c>gan</c> as <paramref name="ranks"/> ranks under mpirun, in <paramref name="workingDirectory"/>.</summary>
    public (int ExitCode, string Output) Gan(string workingDirectory, int ranks, params string[] arguments) =>
        Run(MpiRun, ["-np", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), "--oversubscribe", GanProcess.Executable, .. arguments],
            workingDirectory, TimeSpan.FromMinutes(5));

    /// <summary>Runs a command with the environment mpirun needs here (root in containers, no colour).</summary>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1";
        start.Environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout}: {output.Result}{error.Result}");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}

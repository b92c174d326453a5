using Gan.Bench.Mnist;

namespace Gan.Bench;

/// <summary>
/// Runs a PyTorch peer script (bench/pytorch) with Debian's python3-torch, made fair as DESIGN.md measured it:
/// OpenBLAS with OpenMP threads (libopenblas0-openmp via LD_LIBRARY_PATH) instead of the reference BLAS the package
/// selects by default. Every peer prints one <see cref="LoopMeasurement"/> JSON line (bench/pytorch/peer_common.py).
/// </summary>
internal static class PyTorchPeer
{
    /// <summary>Where Debian's libopenblas0-openmp puts its libblas.so.3.</summary>
    public const string OpenBlasOpenMpFolder = "/usr/lib/x86_64-linux-gnu/openblas-openmp";

    public static async Task<LoopMeasurement> RunAsync(string python, string script, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var existing = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["LD_LIBRARY_PATH"] = string.IsNullOrEmpty(existing) ? OpenBlasOpenMpFolder : $"{OpenBlasOpenMpFolder}:{existing}",
        };
        var result = await ChildProcess.RunAsync(python, [script, .. arguments], environment, RepositoryLayout.Root, cancellationToken);
        if (result.ExitCode != 0 || result.LastJsonLine is not { } json)
        {
            throw new InvalidOperationException($"The PyTorch peer ({python} {script}) failed: {result.Describe()}");
        }

        var measurement = LoopMeasurement.Parse(json);
        if (measurement.Details.TryGetValue("blas_loaded", out var blas) && !blas.Contains(OpenBlasOpenMpFolder, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The PyTorch peer did not load OpenBLAS (OpenMP) from {OpenBlasOpenMpFolder} but: '{blas}'. " +
                "Install libopenblas0-openmp (apt-get install -y libopenblas0-openmp); the reference BLAS is ~16x slower.");
        }

        return measurement;
    }
}

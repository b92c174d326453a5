using System.Globalization;

namespace Gan.Bench.Mnist;

/// <summary>
/// Runs bench/pytorch/mnist_gan.py with Debian's python3-torch, made fair as DESIGN.md measured it: OpenBLAS
/// with OpenMP threads (libopenblas0-openmp via LD_LIBRARY_PATH) instead of the reference BLAS the package
/// selects by default, and the same thread count as the C# sides.
/// </summary>
internal static class PyTorchPeer
{
    /// <summary>Where Debian's libopenblas0-openmp puts its libblas.so.3.</summary>
    public const string OpenBlasOpenMpFolder = "/usr/lib/x86_64-linux-gnu/openblas-openmp";

    public static string Script => Path.Combine(RepositoryLayout.Root, "bench", "pytorch", "mnist_gan.py");

    public static async Task<LoopMeasurement> RunAsync(string python, MnistLoopSettings settings, CancellationToken cancellationToken)
    {
        var arguments = new[]
        {
            Script,
            "--data-root", settings.DataRoot,
            "--steps", settings.Steps.ToString(CultureInfo.InvariantCulture),
            "--threads", settings.Threads.ToString(CultureInfo.InvariantCulture),
            "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture),
            "--warmup-steps", settings.WarmupSteps.ToString(CultureInfo.InvariantCulture),
            "--sample-every", settings.SampleEvery.ToString(CultureInfo.InvariantCulture),
        };
        var existing = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["LD_LIBRARY_PATH"] = string.IsNullOrEmpty(existing) ? OpenBlasOpenMpFolder : $"{OpenBlasOpenMpFolder}:{existing}",
        };
        var result = await ChildProcess.RunAsync(python, arguments, environment, RepositoryLayout.Root, cancellationToken);
        if (result.ExitCode != 0 || result.LastJsonLine is not { } json)
        {
            throw new InvalidOperationException($"The PyTorch peer ({python} {Script}) failed: {result.Describe()}");
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

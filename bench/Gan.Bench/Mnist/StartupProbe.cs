using System.Globalization;

namespace Gan.Bench.Mnist;

/// <summary>
/// Time from launching the built <c>gan</c> executable to its first training step: the command is a 1-step run of
/// experiments/mnist.yaml; the MLflow file store stamps the first metric (d_loss of step 1) in Unix milliseconds as
/// the step finishes, and the launch instant is subtracted. Includes .NET start-up, plugin loading, YAML
/// binding, libtorch loading and decoding MNIST, i.e. everything a user waits for.
/// </summary>
internal static class StartupProbe
{
    public static async Task<StartupMeasurement> RunAsync(string gan, MnistLoopSettings settings, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("gan-bench-startup-");
        try
        {
            var arguments = new List<string> { "run", settings.Experiment };
            foreach (var assignment in new[]
                     {
                         "stages.0.steps=1", "samples=[]", "metrics=[]", $"threads={settings.Threads}", "device=cpu",
                         $"data_root={settings.DataRoot}", "data.download=false",
                         $"tracking.uri={Path.Combine(scratch.FullName, "mlruns")}", "checkpoints.enabled=false",
                     })
            {
                arguments.Add("--set");
                arguments.Add(assignment);
            }

            var result = await ChildProcess.RunAsync(gan, arguments, null, scratch.FullName, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"{gan} {string.Join(' ', arguments)} failed: {result.Describe()}");
            }

            var firstMetric = FirstMetricTimestamp(Path.Combine(scratch.FullName, "mlruns"))
                ?? throw new InvalidOperationException($"The 1-step run of {gan} logged no d_loss metric.");
            return new StartupMeasurement(TimeSpan.FromMilliseconds(firstMetric - result.LaunchedAtUnixMs), result.Elapsed);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The timestamp (ms) on the first line of the run's metrics/d_loss file: "timestamp value step".</summary>
    private static long? FirstMetricTimestamp(string mlruns)
    {
        var file = Directory.EnumerateFiles(mlruns, "d_loss", SearchOption.AllDirectories)
            .FirstOrDefault(f => Path.GetFileName(Path.GetDirectoryName(f)) == "metrics");
        var line = file is null ? null : File.ReadLines(file).FirstOrDefault();
        return line is null ? null : long.Parse(line.Split(' ')[0], CultureInfo.InvariantCulture);
    }
}

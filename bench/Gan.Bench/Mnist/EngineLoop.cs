using System.Globalization;
using Gan.Engine;
using Gan.Engine.Training;
using Gan.Toolkit;

namespace Gan.Bench.Mnist;

/// <summary>
/// The project's side: the real engine path, as the host runs it (plugins loaded from folders, the experiment
/// file parsed and resolved, ExperimentRunner, every step logged to the MLflow file store), minus the console.
/// </summary>
internal static class EngineLoop
{
    public static async Task<LoopMeasurement> RunAsync(MnistLoopSettings settings, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("gan-bench-engine-");
        try
        {
            using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
            var experiment = engine.Loader.Load(settings.Experiment, Overrides(settings, scratch.FullName));

            var trace = new MemoryTrace(settings.WarmupSteps, settings.SampleEvery);
            var outcome = await engine.Runner.RunAsync(experiment, NullProgressReporter.Instance, new MemorySamplingProgress(trace), cancellationToken);
            if (outcome.Message is not null || outcome.Stages.Count != 1)
            {
                throw new InvalidOperationException($"The engine run ended {outcome.Status}: {outcome.Message}");
            }

            var stage = outcome.Stages[0];
            var seconds = stage.Elapsed.TotalSeconds;
            var details = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["torch_threads"] = TorchSharp.torch.get_num_threads().ToString(CultureInfo.InvariantCulture),
                ["libtorch"] = TorchSharp.torch.__version__,
                ["metric_files"] = CountMetricLines(scratch.FullName).ToString(CultureInfo.InvariantCulture),
            };
            foreach (var (key, value) in stage.LastValues)
            {
                details[key] = value.ToString("G5", CultureInfo.InvariantCulture);
            }

            return new LoopMeasurement("engine", stage.Steps, seconds, seconds > 0 ? stage.DataWait.TotalSeconds / seconds : null, trace.Samples, details)
            {
                PeakRssBytes = ResidentMemory.PeakBytes(),
            };
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>experiments/mnist.yaml as users run it, made to stop after N steps and record into a scratch folder.</summary>
    private static List<string> Overrides(MnistLoopSettings settings, string scratch) =>
    [
        $"stages.0.steps={settings.Steps}",
        "stages.0.log_every=1",
        "samples=[]",
        "metrics=[]",
        $"threads={settings.Threads}",
        $"seed={settings.Seed}",
        "device=cpu",
        $"data_root={settings.DataRoot}",
        "data.download=false",
        $"tracking.uri={Path.Combine(scratch, "mlruns")}",
        "checkpoints.enabled=false",
    ];

    /// <summary>Lines written to the run's metric files: proves every step reached the store.</summary>
    private static long CountMetricLines(string scratch)
    {
        var mlruns = Path.Combine(scratch, "mlruns");
        return Directory.Exists(mlruns)
            ? Directory.EnumerateFiles(mlruns, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "metrics")
                .Sum(f => File.ReadLines(f).LongCount())
            : 0;
    }
}

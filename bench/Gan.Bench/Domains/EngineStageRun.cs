using System.Globalization;
using Gan.Bench.Mnist;
using Gan.Engine;
using Gan.Engine.Experiments;
using Gan.Engine.Training;
using Gan.Toolkit;

namespace Gan.Bench.Domains;

/// <summary>
/// The engine's side of a domain: the experiment file loaded with the bundled plugins and run by ExperimentRunner as
/// the host runs it, reduced to the one stage timed, stopped after N steps, recording every value the stage logs into
/// an MLflow file store in a scratch folder, without metrics, samples, checkpoints or console.
/// </summary>
internal static class EngineStageRun
{
    public static async Task<LoopMeasurement> RunAsync(DomainRunSettings settings, CancellationToken cancellationToken)
    {
        var domain = settings.Domain;
        var scratch = Directory.CreateTempSubdirectory("gan-bench-engine-");
        try
        {
            using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
            var stageIndex = StageIndex(engine.Loader.Load(domain.ExperimentPath, []), domain.Stage);
            var experiment = OnlyStage(engine.Loader.Load(domain.ExperimentPath, Overrides(settings, stageIndex, scratch.FullName)), stageIndex);

            var trace = new MemoryTrace(domain.WarmupSteps, domain.SampleEvery);
            var outcome = await engine.Runner.RunAsync(experiment, NullProgressReporter.Instance, new MemorySamplingProgress(trace), cancellationToken);
            if (outcome.Message is not null || outcome.Stages.Count != 1)
            {
                throw new InvalidOperationException($"The engine run of {domain.Experiment} ended {outcome.Status}: {outcome.Message}");
            }

            var stage = outcome.Stages[0];
            var seconds = stage.Elapsed.TotalSeconds;
            var details = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["torch_threads"] = TorchSharp.torch.get_num_threads().ToString(CultureInfo.InvariantCulture),
                ["libtorch"] = TorchSharp.torch.__version__,
                ["metric_lines"] = CountMetricLines(scratch.FullName).ToString(CultureInfo.InvariantCulture),
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

    /// <summary>Lines written to the run's metric files: proves the logged values reached the store.</summary>
    private static long CountMetricLines(string scratch)
    {
        var mlruns = Path.Combine(scratch, "mlruns");
        return Directory.Exists(mlruns)
            ? Directory.EnumerateFiles(mlruns, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "metrics")
                .Sum(f => File.ReadLines(f).LongCount())
            : 0;
    }

    private static int StageIndex(ResolvedExperiment experiment, string stage)
    {
        for (var i = 0; i < experiment.Stages.Count; i++)
        {
            if (experiment.Stages[i].Definition.Name == stage)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{experiment.SourcePath} has no stage '{stage}'.");
    }

    /// <summary>
    /// The experiment with only the timed stage: a later stage then starts from fresh networks instead of trained
    /// ones, which changes what it learns but not what a step costs.
    /// </summary>
    private static ResolvedExperiment OnlyStage(ResolvedExperiment experiment, int index)
    {
        experiment.Definition.Stages = [experiment.Definition.Stages[index]];
        var stage = experiment.Stages[index];
        return new ResolvedExperiment(experiment.SourcePath, experiment.Definition, experiment.Data, experiment.Model, experiment.Loss,
            experiment.Metrics, experiment.Samples, [stage with { Index = 0 }]);
    }

    private static List<string> Overrides(DomainRunSettings settings, int stageIndex, string scratch)
    {
        var overrides = new List<string>
        {
            $"stages.{stageIndex}.steps={settings.Steps}",
            // Epochs large enough that the step count ends the stage.
            $"stages.{stageIndex}.epochs=1000000",
            "samples=[]",
            "metrics=[]",
            $"threads={settings.Threads}",
            $"seed={settings.Seed}",
            "device=cpu",
            $"cache_root={settings.CacheRoot}",
            $"tracking.uri={Path.Combine(scratch, "mlruns")}",
            "checkpoints.enabled=false",
        };
        overrides.AddRange(settings.Domain.Overrides.Select(o => o.Replace("{data_root}", settings.DataRoot, StringComparison.Ordinal)));
        return overrides;
    }
}

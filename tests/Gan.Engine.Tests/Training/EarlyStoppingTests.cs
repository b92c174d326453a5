using System.ComponentModel;
using Gan.Abstractions;
using Gan.Engine.Tests.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Gan.Engine.Tests.Training;

[Collection(InProcessTrainingCollection.Name)]
public sealed class EarlyStoppingTests
{
    [Fact]
    public async Task Stage_stops_after_patience_evaluations_without_an_improvement_of_min_delta_and_says_why()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        engine.Catalog.AddInProcess(new ScriptedMetricPlugin(), "Gan.Tests.ScriptedMetric");
        // Evaluations every 2 steps see 5, 4, 4.5, 4.2, 4.1, ...: 4 (step 4) is the last improvement of at least 0.5,
        // then three evaluations (steps 6, 8, 10) bring none, so the stage ends at step 10 of 40.
        var path = TinyExperiments.Mnist(temp, steps: 40, everySteps: 100,
            extra: "metrics:\n  - {type: scripted, values: [5, 4, 4.5, 4.2, 4.1, 1, 1, 1]}");

        var outcome = await engine.RunAsync(path,
        [
            "stages.0.metrics_every=2", "stages.0.early_stopping.metric=scripted", "stages.0.early_stopping.patience=3",
            "stages.0.early_stopping.min_delta=0.5", "checkpoints.every_steps=2", "checkpoints.keep=1", "checkpoints.best_metric=null",
        ]);

        Assert.True(outcome.Status == RunStatus.Finished, outcome.Message);
        Assert.Equal(10, outcome.Stages.Single().Steps);
        var run = new FileStoreReader(temp.Combine("mlruns")).GetRun(outcome.RunId);
        Assert.Equal("step 10: scripted did not improve by 0.5 for 3 evaluations; best 4 at step 4", run.Tags["gan.early_stop"]);
        // The best checkpoint by the early-stopping metric (checkpoints.best_metric unset) is kept beside the latest (keep: 1).
        var kept = Directory.GetDirectories(temp.Combine("checkpoints", outcome.RunId, "resume"), "stage*").Select(Path.GetFileName);
        Assert.Contains("stage00-step000000004", kept);
    }

    private sealed class ScriptedMetricPlugin : IGanPlugin
    {
        public void Configure(IServiceCollection services) =>
            services.AddGanComponent<IMetric, ScriptedOptions>("scripted", (_, options) => new ScriptedMetric(options), "Values from a list, in order.");
    }

    public sealed class ScriptedOptions
    {
        [Description("The values returned by successive evaluations.")]
        public List<double> Values { get; set; } = [];
    }

    private sealed class ScriptedMetric(ScriptedOptions options) : IMetric
    {
        private int _next;

        public IReadOnlyDictionary<string, double> Evaluate(ITrainingContext context) =>
            new Dictionary<string, double> { ["scripted"] = options.Values[Math.Min(_next++, options.Values.Count - 1)] };
    }
}

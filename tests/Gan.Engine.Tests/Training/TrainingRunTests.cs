using Gan.Engine.Tests.Infrastructure;
using Gan.Engine.Training;
using Gan.Tracking;

namespace Gan.Engine.Tests.Training;

[Collection(InProcessTrainingCollection.Name)]
public sealed class TrainingRunTests
{
    [Fact]
    public async Task Short_mnist_run_records_finite_losses_moving_accuracy_params_and_samples()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);

        var outcome = await engine.RunAsync(TestExperiments.Mnist(temp, steps: 60));

        Assert.Equal(RunStatus.Finished, outcome.Status);
        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        var store = new FileStoreReader(temp.Combine("mlruns"));
        var run = store.GetRun(outcome.RunId);
        var dLoss = store.GetMetricHistory(outcome.RunId, "d_loss");
        var gLoss = store.GetMetricHistory(outcome.RunId, "g_loss");
        var accuracy = store.GetMetricHistory(outcome.RunId, "d_acc").Select(p => p.Value).ToList();
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), dLoss.Select(p => p.Step));
        Assert.All(dLoss.Concat(gLoss), p => Assert.True(double.IsFinite(p.Value)));
        Assert.True(accuracy.Max() - accuracy.Min() > 0.1, "the discriminator's accuracy should move during training");
        Assert.Equal("64", run.Params["data.batch_size"]);
        Assert.Equal("[0.5, 0.999]", run.Params["optimizers.default.betas"]);
        Assert.Equal("mnist-mlp", run.Params["model.generator.type"]);
        var images = Directory.GetFiles(temp.Combine("mlruns"), "samples%step%*.png", SearchOption.AllDirectories)
            .Where(f => !f.Contains("compressed", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, images.Count);
        Assert.True(File.Exists(temp.Combine("checkpoints", outcome.RunId, "train", "final", "generator.tsmodel")));
    }

    [Fact]
    public async Task Same_seed_gives_the_same_first_100_losses_on_the_cpu()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);

        var a = await engine.RunAsync(TestExperiments.Mnist(first, steps: 100, seed: 11));
        var b = await engine.RunAsync(TestExperiments.Mnist(second, steps: 100, seed: 11));

        foreach (var key in new[] { "d_loss", "g_loss" })
        {
            var left = new FileStoreReader(first.Combine("mlruns")).GetMetricHistory(a.RunId, key).Select(p => p.Value);
            var right = new FileStoreReader(second.Combine("mlruns")).GetMetricHistory(b.RunId, key).Select(p => p.Value);
            Assert.Equal(left, right);
        }
    }

    [Fact]
    public async Task Cancelled_run_stops_and_is_recorded_as_killed()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        using var cancel = new CancellationTokenSource();
        var experiment = engine.Loader.Load(TestExperiments.Mnist(temp, steps: 100_000), []);

        var outcome = await engine.Runner.RunAsync(experiment, new NullReporter(), new CancelAfter(cancel, steps: 5), cancel.Token);

        Assert.Equal(RunStatus.Killed, outcome.Status);
        Assert.Equal(ExitCodes.Cancelled, outcome.ExitCode);
        Assert.Equal(RunStatus.Killed, new FileStoreReader(temp.Combine("mlruns")).GetRun(outcome.RunId).Status);
    }

    [Fact]
    public async Task Multi_stage_experiment_records_a_child_run_per_stage_under_one_parent()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var outcome = await engine.RunAsync(TestExperiments.Mnist(temp, steps: 4, secondStageSteps: 3));

        Assert.Equal(RunStatus.Finished, outcome.Status);
        var store = new FileStoreReader(temp.Combine("mlruns"));
        var experiment = store.ListExperiments().Single(e => e.Name == "mnist-test");
        var children = store.ListRuns(experiment.ExperimentId)
            .Where(r => r.Tags.TryGetValue("mlflow.parentRunId", out var parent) && parent == outcome.RunId).ToList();
        Assert.Equal(["train", "second"], children.OrderBy(c => c.StartTime).Select(c => c.Tags["gan.stage"]));
        Assert.All(children, c => Assert.Equal(RunStatus.Finished, c.Status));
    }

    [Fact]
    public async Task Missing_data_file_fails_the_run_with_a_message_naming_the_folder()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);

        var outcome = await engine.RunAsync(TestExperiments.Mnist(temp, steps: 5), [$"data_root={temp.Path}"]);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Contains(temp.Path, outcome.Message);
    }

    private sealed class CancelAfter(CancellationTokenSource cancel, long steps) : ITrainingProgress, IStageProgress
    {
        public IStageProgress BeginStage(string stageName, long totalSteps, int totalEpochs) => this;

        public void Report(long step, int epoch, IReadOnlyDictionary<string, double> values)
        {
            if (step >= steps)
            {
                cancel.Cancel();
            }
        }

        public void Dispose() { }
    }

    private sealed class NullReporter : Gan.Abstractions.IProgressReporter, Gan.Abstractions.IProgressTask
    {
        public Gan.Abstractions.IProgressTask Start(string description, long? total, string unit = "items") => this;

        public void Advance(long amount) { }

        public void SetTotal(long total) { }

        public void Dispose() { }
    }
}

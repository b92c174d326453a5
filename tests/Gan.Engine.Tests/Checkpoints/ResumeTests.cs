using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Engine.Training;
using Gan.Tracking;
using Gan.Toolkit;

namespace Gan.Engine.Tests.Checkpoints;

[Collection(InProcessTrainingCollection.Name)]
public sealed class ResumeTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("file")]
    [InlineData("rest")]
    public async Task Stopped_run_resumes_into_the_same_tracking_run_with_each_step_logged_once(string backend)
    {
        using var temp = new TemporaryDirectory();
        using var server = backend == "rest" ? new Gan.Tracking.Tests.MlflowTestServer() : null;
        var uri = backend switch
        {
            "sqlite" => "sqlite:///" + temp.Combine("mlflow.db"),
            "file" => temp.Combine("mlruns"),
            _ => server!.Uri,
        };
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var path = TinyExperiments.Mnist(temp, steps: 40, everySteps: 10, trackingUri: uri);
        using var cancel = new CancellationTokenSource();

        var stopped = await engine.Runner.RunAsync(engine.Loader.Load(path, []), NullProgressReporter.Instance, new CancelAfterStep(cancel, step: 25), cancel.Token);
        var latest = CheckpointStore.ReadManifest(CheckpointStore.ForRun(temp.Combine("checkpoints"), stopped.RunId).Latest()!);
        var resumed = await engine.Runner.RunAsync(engine.Loader.Load(path, []), NullProgressReporter.Instance, NoTrainingProgress.Instance, CancellationToken.None,
            new RunOptions { Resume = "" });

        Assert.Equal(RunStatus.Killed, stopped.Status);
        Assert.Equal(RunStatus.Finished, resumed.Status);
        Assert.Equal(stopped.RunId, resumed.RunId);
        using var store = TrackingStoreFactory.CreateReader(uri);
        var experiment = await store.FindExperimentByNameAsync("tiny-ckpt", CancellationToken.None);
        Assert.Single(await store.ListRunsAsync(experiment!.ExperimentId, CancellationToken.None));
        Assert.Equal(RunStatus.Finished, (await store.GetRunAsync(resumed.RunId, CancellationToken.None)).Status);
        foreach (var key in new[] { "d_loss", "g_loss" })
        {
            Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i),
                (await store.GetMetricHistoryAsync(resumed.RunId, key, CancellationToken.None)).Select(p => p.Step).Order());
        }

        Assert.Equal(("interrupted", 25L), (latest.Reason, latest.Position.Step));
        Assert.Equal(40, resumed.Stages.Single().Steps);
    }

    [Fact]
    public async Task Checkpoint_with_other_network_shapes_is_refused_naming_the_parameter_and_the_option()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        using var cancel = new CancellationTokenSource();
        var first = await engine.Runner.RunAsync(engine.Loader.Load(TinyExperiments.Mnist(temp, steps: 8, everySteps: 2, latentDim: 16), []),
            NullProgressReporter.Instance, new CancelAfterStep(cancel, step: 3), cancel.Token);
        var changed = TinyExperiments.Mnist(temp, steps: 8, everySteps: 2, latentDim: 8, name: "changed.yaml");

        var refused = await engine.Runner.RunAsync(engine.Loader.Load(changed, []),
            NullProgressReporter.Instance, NoTrainingProgress.Instance, CancellationToken.None, new RunOptions { Resume = first.RunId });

        Assert.Equal(RunStatus.Killed, first.Status);
        Assert.Equal((RunStatus.Failed, ExitCodes.BadInput), (refused.Status, refused.ExitCode));
        Assert.Contains("model.generator: parameter", refused.Message, StringComparison.Ordinal);
        Assert.Contains("has shape [32, 16] in the checkpoint but [32, 8] in this experiment", refused.Message, StringComparison.Ordinal);
        Assert.Contains("latent_dim: 16 -> 8", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_pointed_at_another_tracking_store_names_the_store_the_run_was_recorded_in()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        using var cancel = new CancellationTokenSource();
        var database = temp.Combine("mlflow.db");
        var first = await engine.Runner.RunAsync(engine.Loader.Load(TinyExperiments.Mnist(temp, steps: 8, everySteps: 2, trackingUri: "sqlite:///" + database), []),
            NullProgressReporter.Instance, new CancelAfterStep(cancel, step: 3), cancel.Token);
        var moved = TinyExperiments.Mnist(temp, steps: 8, everySteps: 2, trackingUri: temp.Combine("mlruns"), name: "moved.yaml");

        var refused = await Assert.ThrowsAsync<GanInputException>(() => engine.Runner.RunAsync(engine.Loader.Load(moved, []),
            NullProgressReporter.Instance, NoTrainingProgress.Instance, CancellationToken.None, new RunOptions { Resume = first.RunId }));

        Assert.Equal(RunStatus.Killed, first.Status);
        Assert.Contains($"Cannot resume run '{first.RunId}': it was recorded in MLflow SQLite store sqlite:///{database}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"now tracks to MLflow file store at {temp.Combine("mlruns")}", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }
}

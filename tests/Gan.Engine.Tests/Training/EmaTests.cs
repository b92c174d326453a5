using Gan.Engine.Tests.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Engine.Training.Callbacks;
using Gan.Tracking;
using static TorchSharp.torch;

namespace Gan.Engine.Tests.Training;

[Collection(InProcessTrainingCollection.Name)]
public sealed class EmaTests
{
    [Fact]
    public void One_update_weighs_the_average_by_decay_and_the_weights_by_one_minus_decay()
    {
        using var average = tensor(new float[] { 1, 2 });
        using var live = tensor(new float[] { 3, 6 });

        // 0.75 · (1, 2) + 0.25 · (3, 6) = (1.5, 3.0); again: 0.75 · (1.5, 3) + 0.25 · (3, 6) = (1.875, 3.75).
        EmaCallback.Average(average, live, decay: 0.75);
        Assert.Equal(new[] { 1.5f, 3.0f }, average.data<float>().ToArray());
        EmaCallback.Average(average, live, decay: 0.75);
        Assert.Equal(new[] { 1.875f, 3.75f }, average.data<float>().ToArray());
    }

    [Fact]
    public async Task The_average_is_a_network_of_its_own_and_equals_the_weights_with_decay_zero()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);

        var copy = await engine.RunAsync(TinyExperiments.Mnist(temp, steps: 6, everySteps: 100), ["ema.generator.decay=0"]);
        var final = temp.Combine("checkpoints", copy.RunId, "train", "final");

        Assert.True(copy.Status == RunStatus.Finished, copy.Message);
        Assert.Equal(File.ReadAllBytes(Path.Combine(final, "generator.tsmodel")), File.ReadAllBytes(Path.Combine(final, "generator_ema.tsmodel")));
    }

    [Fact]
    public async Task A_resumed_run_continues_the_average_exactly()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        string[] ema = ["ema.generator.decay=0.9", "ema.generator.start_step=2"];
        var full = await engine.RunAsync(TinyExperiments.Mnist(temp, steps: 12, everySteps: 4, name: "full.yaml"),
            [.. ema, $"checkpoints.directory={temp.Combine("full")}"]);
        var path = TinyExperiments.Mnist(temp, steps: 12, everySteps: 4);
        using var cancel = new CancellationTokenSource();

        var stopped = await engine.Runner.RunAsync(engine.Loader.Load(path, ema), Gan.Toolkit.NullProgressReporter.Instance,
            new CancelAfterStep(cancel, step: 7), cancel.Token);
        var resumed = await engine.RunAsync(path, ema, options: new Gan.Engine.Checkpoints.RunOptions { Resume = stopped.RunId });

        Assert.True(resumed.Status == RunStatus.Finished, resumed.Message);
        var fullFinal = temp.Combine("full", full.RunId, "train", "final");
        var resumedFinal = temp.Combine("checkpoints", resumed.RunId, "train", "final");
        Assert.Equal(File.ReadAllBytes(Path.Combine(fullFinal, "generator_ema.tsmodel")), File.ReadAllBytes(Path.Combine(resumedFinal, "generator_ema.tsmodel")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(resumedFinal, "generator.tsmodel")), File.ReadAllBytes(Path.Combine(resumedFinal, "generator_ema.tsmodel")));
    }

    [Fact]
    public async Task Evaluating_with_the_average_swaps_it_in_and_back_without_touching_training()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        const string Samples = "samples:\n  - {type: image-grid, rows: 2, columns: 2}";
        string[] common = ["ema.generator.decay=0.9", "stages.0.samples_every=2"];

        var swapped = await engine.RunAsync(TinyExperiments.Mnist(temp, steps: 8, everySteps: 100, name: "a.yaml", extra: Samples),
            [.. common, $"checkpoints.directory={temp.Combine("a")}"]);
        var untouched = await engine.RunAsync(TinyExperiments.Mnist(temp, steps: 8, everySteps: 100, name: "b.yaml", extra: Samples),
            [.. common, "ema.generator.evaluate=false", $"checkpoints.directory={temp.Combine("b")}"]);

        Assert.True(swapped.Status == RunStatus.Finished && untouched.Status == RunStatus.Finished, swapped.Message + untouched.Message);
        Assert.Equal(File.ReadAllBytes(temp.Combine("b", untouched.RunId, "train", "final", "generator.tsmodel")),
            File.ReadAllBytes(temp.Combine("a", swapped.RunId, "train", "final", "generator.tsmodel")));
        var store = new FileStoreReader(temp.Combine("mlruns"));
        Assert.NotEqual(ImageAt(store, swapped.RunId), ImageAt(store, untouched.RunId));
    }

    /// <summary>The sample grid logged at step 8, which the average drew in one run and the trained weights in the other.</summary>
    private static byte[] ImageAt(FileStoreReader store, string runId)
    {
        var artifacts = store.GetRun(runId).ArtifactUri.Replace("file://", "", StringComparison.Ordinal);
        var file = Directory.GetFiles(Path.Combine(artifacts, "images"), "*%step%8%*.png")
            .First(f => !f.EndsWith("%compressed.png", StringComparison.Ordinal));
        return File.ReadAllBytes(file);
    }
}

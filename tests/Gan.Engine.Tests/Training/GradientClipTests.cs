using Gan.Engine.Tests.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Engine.Training.Optimizers;
using Gan.Tracking;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Engine.Tests.Training;

[Collection(InProcessTrainingCollection.Name)]
public sealed class GradientClipTests
{
    [Fact]
    public void Norm_clip_bounds_the_global_norm_and_reports_the_norm_before_clipping()
    {
        // Gradients (3, 4) and (12): global norm sqrt(9 + 16 + 144) = 13; clipped to 1, every element scales by 1/13.
        var (a, b) = Parameters([3f, 4f], [12f]);
        var clip = new GradientClip([a, b], maxNorm: 1.0, maxValue: null);

        clip.Apply();

        Assert.Equal(13.0, clip.LastNorm, 4);
        Assert.Equal(new[] { 3f / 13, 4f / 13 }, a.grad!.data<float>().ToArray(), new FloatTolerance(1e-5f));
        Assert.Equal(12f / 13, b.grad!.data<float>()[0], 5);
    }

    [Fact]
    public void Value_clip_clamps_every_element_and_leaves_small_ones()
    {
        var (a, b) = Parameters([3f, -0.2f], [-12f]);
        var clip = new GradientClip([a, b], maxNorm: null, maxValue: 0.5);

        clip.Apply();

        Assert.Equal(new[] { 0.5f, -0.2f }, a.grad!.data<float>().ToArray());
        Assert.Equal(-0.5f, b.grad!.data<float>()[0]);
        Assert.Equal(Math.Sqrt(9 + 0.04 + 144), clip.LastNorm, 4);
    }

    [Fact]
    public async Task Every_trainer_optimiser_clips_from_the_experiment_and_the_norm_is_logged()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var path = TinyExperiments.Mnist(temp, steps: 6, everySteps: 100);

        var outcome = await engine.RunAsync(path, ["optimizers.default.clip_grad_norm=0.01", "checkpoints.enabled=false"]);

        Assert.True(outcome.Status == RunStatus.Finished, outcome.Message);
        var store = new FileStoreReader(temp.Combine("mlruns"));
        var norms = store.GetMetricHistory(outcome.RunId, "grad_norm/generator");
        Assert.Equal([1L, 2, 3, 4, 5, 6], norms.Select(p => p.Step));
        Assert.All(norms, p => Assert.True(p.Value > 0.01, $"the norm before clipping, {p.Value}, is above the clip"));
        Assert.NotEmpty(store.GetMetricHistory(outcome.RunId, "grad_norm/discriminator"));
    }

    private static (Parameter A, Parameter B) Parameters(float[] gradA, float[] gradB)
    {
        var a = new Parameter(zeros(gradA.Length));
        var b = new Parameter(zeros(gradB.Length));
        a.grad = tensor(gradA);
        b.grad = tensor(gradB);
        return (a, b);
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float value) => 0;
    }
}

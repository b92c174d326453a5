using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Sweeps;
using Gan.Engine.Tests.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Tracking;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;

namespace Gan.Engine.Tests.Sweeps;

/// <summary>What an asha rung does to one trial: evaluate at the rung, pause with a checkpoint, resume into the same run.</summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class RungPauseTests
{
    private static readonly long[] Rungs = [3, 9];

    [Fact]
    public async Task Trial_paused_at_a_rung_and_resumed_into_the_same_run_trains_exactly_as_a_run_straight_through()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        engine.Catalog.AddInProcess(new RandomDrawMetricPlugin(), "Gan.Tests.RandomDraw");
        // The metric draws from torch's random stream, as FID's noise does; by default it would run at epoch ends only.
        var path = TinyExperiments.Mnist(temp, steps: 9, everySteps: 1000, extra: "metrics:\n  - {type: random-draw}");
        string[] Into(string folder) => [$"checkpoints.directory={temp.Combine(folder)}"];

        var paused = await engine.RunAsync(path, Into("paused"), options: new RunOptions { RungSteps = Rungs, PauseAtStep = 3 });
        var resumed = await engine.RunAsync(path, Into("paused"), options: new RunOptions { RungSteps = Rungs, Resume = paused.RunId });
        var straight = await engine.RunAsync(path, Into("straight"), options: new RunOptions { RungSteps = Rungs });
        var withoutRungs = await engine.RunAsync(path, Into("plain"));

        Assert.True(paused.Status == RunStatus.Finished, paused.Message);
        Assert.Equal((3L, 3L), (paused.PausedAtStep, paused.Stages.Single().Steps));
        Assert.True(resumed.Status == RunStatus.Finished, resumed.Message);
        Assert.Equal(paused.RunId, resumed.RunId);
        Assert.Equal((null, 9L), (resumed.PausedAtStep, resumed.Stages.Single().Steps));
        var store = new FileStoreReader(temp.Combine("mlruns"));
        Assert.Equal([3L, 9L], store.GetMetricHistory(straight.RunId, "random_draw").Select(p => p.Step));
        Assert.Equal([3L, 9L], store.GetMetricHistory(paused.RunId, "random_draw").Select(p => p.Step));
        Assert.Equal("9", store.GetRun(paused.RunId).Tags[SweepTags.RungStep]);
        Assert.Equal(Enumerable.Range(1, 9).Select(step => (long)step), store.GetMetricHistory(paused.RunId, "d_loss").Select(p => p.Step).Order());
        // Pausing and resuming changes nothing, and neither do the rung evaluations' random draws.
        AssertSameFinalWeights(temp.Combine("paused", paused.RunId), temp.Combine("straight", straight.RunId));
        AssertSameFinalWeights(temp.Combine("paused", paused.RunId), temp.Combine("plain", withoutRungs.RunId));
    }

    private static void AssertSameFinalWeights(string expectedRun, string actualRun)
    {
        var finals = Directory.GetFiles(Path.Combine(expectedRun, "train", "final"));
        Assert.NotEmpty(finals);
        foreach (var file in finals)
        {
            var other = Path.Combine(actualRun, "train", "final", Path.GetFileName(file));
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(other)), $"{Path.GetFileName(file)} differs: {expectedRun} vs {actualRun}");
        }
    }

    private sealed class RandomDrawMetricPlugin : IGanPlugin
    {
        public void Configure(IServiceCollection services) =>
            services.AddGanComponent<IMetric, NoOptions>("random-draw", (_, _) => new RandomDrawMetric(), "A value drawn from torch's random stream.");
    }

    public sealed class NoOptions;

    private sealed class RandomDrawMetric : IMetric
    {
        public IReadOnlyDictionary<string, double> Evaluate(ITrainingContext context)
        {
            using var draw = torch.rand(1);
            return new Dictionary<string, double> { ["random_draw"] = draw.item<float>() };
        }
    }
}

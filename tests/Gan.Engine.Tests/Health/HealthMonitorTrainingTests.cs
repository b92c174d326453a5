using Gan.Engine.Tests.Infrastructure;
using Gan.Engine.Training;
using Gan.Tracking;

namespace Gan.Engine.Tests.Health;

[Collection(InProcessTrainingCollection.Name)]
[Trait("Category", "Slow")]
public sealed class HealthMonitorTrainingTests
{
    [Fact]
    public async Task Diverging_learning_rate_stops_the_run_and_keeps_the_last_good_networks()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        // LSGAN's squared error gives gradients that grow with the scores, so plain SGD at lr 5 feeds on
        // itself: the scores grow geometrically until float32 overflows a few steps in, after some good steps.
        var experiment = HealthExperiments.Mnist(temp, steps: 200, loss: "lsgan",
            optimizers: "  default: {type: sgd, lr: 5.0}",
            health: "{check_every: 1, snapshot_every: 1}");

        var outcome = await engine.RunAsync(experiment);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Equal(ExitCodes.TrainingFailed, outcome.ExitCode);
        Assert.Contains("diverged", outcome.Message, StringComparison.Ordinal);
        var lastGood = temp.Combine("checkpoints", outcome.RunId, "train", "last-good");
        Assert.Matches(@"The last good networks \(step \d+\) are kept in " + System.Text.RegularExpressions.Regex.Escape(lastGood), outcome.Message);
        Assert.True(File.Exists(Path.Combine(lastGood, "generator.tsmodel")));
        Assert.True(File.Exists(Path.Combine(lastGood, "discriminator.tsmodel")));
        Assert.False(Directory.Exists(temp.Combine("checkpoints", outcome.RunId, "train", "final")));
    }

    [Fact]
    public async Task Discriminator_much_stronger_than_the_generator_raises_a_tagged_warning_with_its_start_step()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        // The generator barely learns (lr 1e-8) while the discriminator trains fast: it soon tells every batch apart.
        var experiment = HealthExperiments.Mnist(temp, steps: 120, loss: "minimax",
            optimizers: """
              generator: {type: adam, lr: 1.0e-8, betas: [0.5, 0.999]}
              discriminator: {type: adam, lr: 0.002, betas: [0.5, 0.999]}
            """,
            health: "{window: 20, d_acc_above: 0.98, check_every: 40, snapshot_every: 1000}");

        var outcome = await engine.RunAsync(experiment);

        Assert.Equal(RunStatus.Finished, outcome.Status);
        var store = new FileStoreReader(temp.Combine("mlruns"));
        var since = WarningStartStep(store, outcome.RunId, "discriminator_winning");
        var flagged = store.GetMetricHistory(outcome.RunId, "health/discriminator_winning");
        Assert.NotEmpty(flagged);
        Assert.InRange(since, 1, flagged[0].Step - 19);
        Assert.NotEmpty(store.GetMetricHistory(outcome.RunId, "health/diversity"));
    }

    [Fact]
    public async Task Generator_chasing_a_frozen_discriminator_collapses_and_the_warning_names_its_start_step()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        // The textbook route to mode collapse: a discriminator that never learns (lr 1e-12) scores every image with
        // one fixed function, so the generator moves every latent towards that function's single favourite image
        // and the distance between its samples shrinks steadily.
        var experiment = HealthExperiments.Mnist(temp, steps: 200, loss: "minimax",
            optimizers: """
              generator: {type: adam, lr: 0.01, betas: [0.5, 0.999]}
              discriminator: {type: sgd, lr: 1.0e-12}
            """,
            health: "{check_every: 10, collapse_warmup_steps: 10, collapse_ratio: 0.5, window: 1000, snapshot_every: 10000}");

        var outcome = await engine.RunAsync(experiment);

        Assert.Equal(RunStatus.Finished, outcome.Status);
        var store = new FileStoreReader(temp.Combine("mlruns"));
        var since = WarningStartStep(store, outcome.RunId, "generator_collapse");
        var ratios = store.GetMetricHistory(outcome.RunId, "health/diversity_ratio");
        Assert.True(ratios[^1].Value < 0.5, $"diversity ratio at the end {ratios[^1].Value}");
        var firstBelow = ratios.First(r => r.Value < 0.5).Step;
        Assert.Equal(firstBelow, since);
        Assert.NotEmpty(store.GetMetricHistory(outcome.RunId, "health/generator_collapse"));
    }

    [Fact]
    public void Cyclegan_discriminators_are_watched_pair_by_pair_from_the_trainers_declared_roles()
    {
        using var temp = new TemporaryDirectory();
        var (made, madeOutput) = GanProcess.Run(temp.Path, "make-shapes-dataset", temp.Combine("shapes"), "--size", "16", "--train", "8", "--test", "2");
        Assert.True(made == 0, madeOutput);
        string[] run =
        [
            "run", Path.Combine(RepositoryPaths.Root, "experiments", "cyclegan-small.yaml"),
            "--set", $"data_root={temp.Path}", "--set", "data.load_size=16", "--set", "data.crop_size=16", "--set", "data.batch_size=2",
            "--set", "device=cpu", "--set", "threads=1", "--set", "model.generator.ngf=4", "--set", "model.discriminator.ndf=4",
            "--set", "stages.0.epochs=8", "--set", "health.window=8", "--set", "health.d_loss_below=0.1", "--set", "health.check_every=8",
            "--set", $"tracking.uri={temp.Combine("mlruns")}", "--set", $"checkpoints.directory={temp.Combine("checkpoints")}",
        ];

        // The paper's balance: neither discriminator wins. A frozen generator (lr 1e-8) against fast discriminators: both do.
        var (balancedExit, balancedOutput) = GanProcess.Run(temp.Path, run);
        var (frozenExit, frozenOutput) = GanProcess.Run(temp.Path,
            [.. run, "--set", "optimizers.generator.lr=1e-8", "--set", "optimizers.discriminator.lr=0.005"]);

        Assert.True(balancedExit == 0 && frozenExit == 0, balancedOutput + frozenOutput);
        Assert.DoesNotContain("is winning", balancedOutput, StringComparison.Ordinal);
        Assert.Contains("discriminator A is winning: over the last 8 steps its mean D_A is below 0.1", frozenOutput, StringComparison.Ordinal);
        Assert.Contains("discriminator B is winning: over the last 8 steps its mean D_B is below 0.1", frozenOutput, StringComparison.Ordinal);
        var store = new FileStoreReader(temp.Combine("mlruns"));
        var frozen = store.ListExperiments().SelectMany(e => store.ListRuns(e.ExperimentId))
            .Single(r => r.Tags.ContainsKey("gan.health.warning.discriminator_winning.A"));
        Assert.InRange(WarningStartStep(store, frozen.RunId, "discriminator_winning.A"), 1, 32);
        Assert.InRange(WarningStartStep(store, frozen.RunId, "discriminator_winning.B"), 1, 32);
        Assert.NotEmpty(store.GetMetricHistory(frozen.RunId, "health/discriminator_winning.B"));
        // Both translating generators are watched for collapse on fixed real inputs (their pairs name them and their input).
        Assert.Equal([8L, 16, 24, 32], store.GetMetricHistory(frozen.RunId, "health/diversity/G_A").Select(p => p.Step));
        Assert.Equal([8L, 16, 24, 32], store.GetMetricHistory(frozen.RunId, "health/diversity/G_B").Select(p => p.Step));
    }

    /// <summary>The step in the run's <c>gan.health.warning.KIND</c> tag, after checking the tag's wording.</summary>
    private static long WarningStartStep(FileStoreReader store, string runId, string kind)
    {
        var tag = store.GetRun(runId).Tags["gan.health.warning." + kind];
        Assert.Matches(@"^from step \d+$", tag);
        return long.Parse(tag["from step ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}

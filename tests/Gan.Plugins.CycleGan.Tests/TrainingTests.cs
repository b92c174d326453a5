using System.Globalization;
using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine;
using Gan.Engine.Training;
using Gan.Plugins.CycleGan.Images;
using Gan.Plugins.CycleGan.Tools;
using Gan.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;

namespace Gan.Plugins.CycleGan.Tests;

/// <summary>
/// The shipped small experiment, trained in-process by the real engine with the plugin loaded from its folder
/// as the host loads it, on tiny generated shapes; then translated back with the trained generator.
/// One class: torch's RNG is process-global, and the run is shared by the assertions.
/// </summary>
[Collection("training")]
[Trait("Category", "Slow")]
public sealed class TrainingTests : IClassFixture<TrainingTests.SmallRun>
{
    private readonly SmallRun _run;

    public TrainingTests(SmallRun run) => _run = run;

    [Fact]
    public void Small_experiment_finishes_and_the_cycle_loss_falls_clearly()
    {
        Assert.True(_run.Outcome.Status == RunStatus.Finished, _run.Outcome.Message);
        var cycleA = _run.Metric("cycle_A");
        var cycleB = _run.Metric("cycle_B");
        Assert.Equal(SmallRun.Steps, cycleA.Count);
        var (firstA, lastA) = (cycleA.Take(6).Average(), cycleA.TakeLast(6).Average());
        var (firstB, lastB) = (cycleB.Take(6).Average(), cycleB.TakeLast(6).Average());
        Assert.True(lastA < 0.5 * firstA, $"cycle_A {firstA:F3} → {lastA:F3}");
        Assert.True(lastB < 0.5 * firstB, $"cycle_B {firstB:F3} → {lastB:F3}");
    }

    [Fact]
    public void Every_reference_loss_is_logged_each_step()
    {
        foreach (var key in new[] { "D_A", "G_A", "cycle_A", "idt_A", "D_B", "G_B", "cycle_B", "idt_B" })
        {
            Assert.Equal(SmallRun.Steps, _run.Metric(key).Count);
        }
    }

    [Fact]
    public void Learning_rate_is_constant_then_decays_linearly_per_epoch()
    {
        // The reference's policy with n_epochs 3, n_epochs_decay 3 (a linear schedule from epoch 2 to 6), 6 steps per epoch:
        // epochs 0-2 at the initial rate, then 3/4, 2/4, 1/4 of it.
        // The engine records each optimiser's rate as lr/<role> at the first step and whenever it changes.
        foreach (var role in new[] { "generator", "discriminator" })
        {
            var changes = _run.MetricPoints("lr/" + role);
            Assert.Equal([1L, 19, 25, 31], changes.Select(p => p.Step));
            Assert.Equal(
                [SmallRun.LearningRate, SmallRun.LearningRate * 3 / 4, SmallRun.LearningRate * 2 / 4, SmallRun.LearningRate / 4],
                changes.Select(p => p.Value), (a, b) => Math.Abs(a - b) < 1e-12);
        }
    }

    [Fact]
    public void Each_epoch_logs_a_sample_grid_of_six_rows()
    {
        var grids = Directory.GetFiles(_run.RunFolder, "cyclegan*.png", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("%compressed.png", StringComparison.Ordinal)).ToList();
        Assert.Equal(SmallRun.Epochs, grids.Count);
        var grid = ImageDecoder.Decode(grids[0]);
        // 2 columns and 6 rows of 16 px cells with 2 px padding.
        Assert.Equal((2 + (2 * 18), 2 + (6 * 18)), (grid.Width, grid.Height));
    }

    [Fact]
    public async Task Translate_writes_images_of_the_original_size_in_their_format()
    {
        using var output = new TemporaryDirectory();
        using var input = new TemporaryDirectory();
        TestImages.WritePng(input.Combine("wide.png"), 40, 24, 215, 40, 35);
        TestImages.WriteJpeg(input.Combine("small.jpg"), 10, 14, 235, 235, 230);
        var console = new StringWriter();
        var context = new ToolContext(_run.Models(), NullLoggerFactory.Instance, new RecordingProgress(), TextReader.Null, console);

        var exit = await ToolInvocation.RunAsync(_run.Tool("translate"),
            ["--run", _run.Outcome.RunId, "--direction", "AtoB", "--input", input.Path, "--output", output.Path], context, CancellationToken.None);

        Assert.Equal(0, exit);
        var wide = ImageDecoder.Decode(output.Combine("wide.png"));
        var small = ImageDecoder.Decode(output.Combine("small.jpg"));
        Assert.Equal((40, 24), (wide.Width, wide.Height));
        Assert.Equal((10, 14), (small.Width, small.Height));
        Assert.Equal(0xFF, File.ReadAllBytes(output.Combine("small.jpg"))[0]); // JPEG stays JPEG
        Assert.Contains("Translated 2 image(s) AtoB", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Translate_with_a_bad_direction_says_which_are_accepted()
    {
        var context = new ToolContext(_run.Models(), NullLoggerFactory.Instance, new RecordingProgress(), TextReader.Null, TextWriter.Null);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => ToolInvocation.RunAsync(_run.Tool("translate"),
            ["--run", _run.Outcome.RunId, "--direction", "sideways", "--input", ".", "--output", "."], context, CancellationToken.None));

        Assert.Equal("gan translate: --direction: must be AtoB or BtoA; got 'sideways'", error.Message);
    }

    /// <summary>Trains experiments/cyclegan-small.yaml once, scaled down to 16 px and 24 steps.</summary>
    public sealed class SmallRun : IDisposable
    {
        public const int Epochs = 6;

        /// <summary>Five times the paper's rate, so that 36 steps of a tiny model show a clear fall.</summary>
        public const double LearningRate = 1e-3;
        public const int Steps = Epochs * 6;

        private readonly TemporaryDirectory _folder = new();
        private readonly GanEngine _engine = GanEngine.Create([GanEngine.BundledPlugins]);

        public SmallRun()
            : this(folder => folder.Combine("mlruns"))
        {
        }

        /// <summary>The same run, recorded where <paramref name="trackingUri"/> says (given the run's temporary folder).</summary>
        internal SmallRun(Func<TemporaryDirectory, string> trackingUri)
        {
            TrackingUri = trackingUri(_folder);
            ShapesDataset.Write(_folder.Combine("shapes"), size: 16, trainCount: 24, testCount: 2, seed: 1);
            Outcome = _engine.RunAsync(Path.Combine(RepositoryPaths.Root, "experiments", "cyclegan-small.yaml"),
            [
                $"data_root={_folder.Path}", "data.load_size=16", "data.crop_size=16", "data.batch_size=4",
                "model.generator.ngf=8", "model.discriminator.ndf=8", "samples.0.count=2", "samples.0.scale=1",
                $"stages.0.epochs={Epochs}", "stages.0.log_every=1", "schedulers.default.start=2", "schedulers.default.end=6",
                $"optimizers.default.lr={LearningRate.ToString(CultureInfo.InvariantCulture)}",
                $"tracking.uri={TrackingUri}", $"tracking.spool_dir={_folder.Combine("spool")}", $"checkpoints.directory={_folder.Combine("checkpoints")}",
            ]).GetAwaiter().GetResult();
            RunFolder = Directory.Exists(_folder.Combine("mlruns"))
                ? Directory.GetDirectories(_folder.Combine("mlruns"), Outcome.RunId, SearchOption.AllDirectories).SingleOrDefault() ?? ""
                : "";
        }

        public RunOutcome Outcome { get; }

        /// <summary>Where the run was recorded.</summary>
        public string TrackingUri { get; }

        /// <summary>The run's temporary folder.</summary>
        internal TemporaryDirectory Folder => _folder;

        public string RunFolder { get; }

        /// <summary>A metric's values in step order, from MLflow's file store ("timestamp value step" lines).</summary>
        public IReadOnlyList<double> Metric(string key) => MetricPoints(key).Select(p => p.Value).ToList();

        /// <summary>A metric's (step, value) pairs in step order.</summary>
        public IReadOnlyList<(long Step, double Value)> MetricPoints(string key) =>
            File.ReadAllLines(Path.Combine(RunFolder, "metrics", key))
                .Select(line => line.Split(' '))
                .Select(parts => (long.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture)))
                .OrderBy(p => p.Item1)
                .ToList();

        public ITrainedModels Models() => _engine.Models(_folder.Combine("checkpoints"), TrackingUri, _folder.Combine("cache"));

        public IGanTool Tool(string name) => _engine.Tool(name);

        public void Dispose()
        {
            _engine.Dispose();
            _folder.Dispose();
        }
    }
}

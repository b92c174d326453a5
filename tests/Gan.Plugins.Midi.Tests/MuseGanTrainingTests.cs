using Gan.Engine;
using Gan.Engine.Training;
using Gan.Plugins.Midi.Smf;
using Gan.Tracking;

namespace Gan.Plugins.Midi.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessTrainingCollection
{
    public const string Name = "in-process training";
}

[Collection(InProcessTrainingCollection.Name)]
[Trait("Category", "Slow")]
public sealed class MuseGanTrainingTests
{
    private static string Experiment(TemporaryDirectory root) => root.WriteFile("musegan-tiny.yaml", $$"""
        name: musegan-test
        seed: 3
        device: cpu
        threads: 1
        data_root: {{root.Path}}
        cache_root: {{root.Combine("cache")}}
        data: {type: midi-pianoroll, path: songs, batch_size: 4, tracks: [drums, piano, bass], bars: 2, steps_per_bar: 16, pitches: 48, lowest_pitch: 36}
        model:
          generator: {type: musegan, z_dim: 4, tracks: 3, bars: 2, steps_per_bar: 16, pitches: 48, time_upsamplings: 2, pitch_kernels: [4, 12], ngf: 4, temporal_hidden: 8}
          discriminator: {type: musegan, tracks: 3, bars: 2, steps_per_bar: 16, pitches: 48, time_downsamplings: 2, pitch_kernels: [4, 12], ndf: 4}
        loss: wgan-gp
        optimizers:
          default: {type: adam, lr: 0.001, betas: [0.5, 0.9]}
        metrics:
          - {type: musegan-metrics, samples: 4, real_samples: 8}
        samples:
          - {type: midi-samples, count: 2}
        stages:
          - {name: train, steps: 10, metrics_every: 5, samples_every: 5}
        tracking: {uri: {{root.Combine("mlruns")}}}
        checkpoints: {directory: {{root.Combine("checkpoints")}}}
        """);

    [Fact]
    public async Task Tiny_musegan_run_has_finite_losses_logs_metrics_and_writes_samples_that_parse_back()
    {
        using var temp = new TemporaryDirectory();
        TestMidiFolder.Write(temp.Combine("songs"), files: 3, bars: 6);
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);

        var outcome = await engine.RunAsync(Experiment(temp));

        Assert.True(outcome.Status == RunStatus.Finished, outcome.Message);
        var store = new FileStoreReader(temp.Combine("mlruns"));
        var dLoss = store.GetMetricHistory(outcome.RunId, "d_loss");
        Assert.Equal(10, dLoss.Count);
        var gLoss = store.GetMetricHistory(outcome.RunId, "g_loss");
        Assert.NotEmpty(gLoss); // wgan-gp: 5 critic updates per generator update, so g_loss exists from step 5
        Assert.All(dLoss.Concat(gLoss), p => Assert.True(double.IsFinite(p.Value)));
        Assert.Equal(2, store.GetMetricHistory(outcome.RunId, "fake.EB.piano").Count);
        Assert.Equal(0.0, store.GetMetricHistory(outcome.RunId, "real.EB.piano")[0].Value);
        Assert.Equal(1.0, store.GetMetricHistory(outcome.RunId, "real.DP.drums")[0].Value, 6);

        var midis = Directory.GetFiles(temp.Combine("mlruns"), "midi_step*.mid", SearchOption.AllDirectories);
        Assert.Equal(2, midis.Length);
        foreach (var path in midis)
        {
            var midi = MidiFileReader.Read(path);
            Assert.Equal(["drums", "piano", "bass"], midi.Tracks.Skip(1).Select(t => t.Name));
            Assert.Equal(32, midi.Tracks[3].Events.OfType<ProgramChangeEvent>().Single().Program);
            Assert.Equal(TrackMappingDrumChannel, midi.Tracks[1].Events.OfType<ProgramChangeEvent>().Single().Channel);
        }

        Assert.NotEmpty(Directory.GetFiles(temp.Combine("mlruns"), "*.png", SearchOption.AllDirectories));
    }

    private const int TrackMappingDrumChannel = 9;
}

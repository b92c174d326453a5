using Gan.Abstractions;
using static TorchSharp.torch;

namespace Acme.Gan.Plugin.Tests;

public sealed class ComponentTests
{
    [Fact]
    public void Data_source_gives_full_batches_of_points_and_repeats_for_the_same_seed()
    {
        var source = new BlobsDataSource(new BlobsOptions { Count = 256, BatchSize = 64 });

        var first = source.ReadEpoch(new EpochRequest(DataSplit.Train, 0, 7), CancellationToken.None).ToList();
        var again = source.ReadEpoch(new EpochRequest(DataSplit.Train, 0, 7), CancellationToken.None).ToList();

        Assert.Equal(4, first.Count);
        Assert.Equal([64L, 2L], first[0].Samples.shape);
        Assert.Equal(first[3].Samples.data<float>().ToArray(), again[3].Samples.data<float>().ToArray());
    }

    [Fact]
    public void Resumed_epoch_skips_batches_without_changing_the_rest()
    {
        var source = new BlobsDataSource(new BlobsOptions { Count = 256, BatchSize = 64 });

        var full = source.ReadEpoch(new EpochRequest(DataSplit.Train, 1, 7), CancellationToken.None).ToList();
        var resumed = source.ReadEpoch(new EpochRequest(DataSplit.Train, 1, 7, SkipBatches: 2), CancellationToken.None).ToList();

        Assert.Equal(2, resumed.Count);
        Assert.Equal(full[2].Samples.data<float>().ToArray(), resumed[0].Samples.data<float>().ToArray());
    }

    [Fact]
    public void Generator_output_is_scored_once_per_point_by_the_discriminator()
    {
        using var generator = new MlpGenerator(new MlpGeneratorOptions { LatentDim = 4, Hidden = 8 });
        using var discriminator = new MlpDiscriminator(new MlpDiscriminatorOptions { Hidden = 8 });

        using var points = generator.Generate(((IGenerator)generator).SampleLatent(5, CPU));
        using var scores = discriminator.Score(points);

        Assert.Equal([5L, 2L], points.shape);
        Assert.Equal([5L], scores.shape);
    }

    [Fact]
    public void Trainer_state_saved_with_a_checkpoint_reads_back_unchanged()
    {
        var trainer = new ExampleTrainer(new ExampleTrainerOptions());
        using var saved = new ComponentState("trainer");
        trainer.LoadState(new ComponentState("trainer", new Dictionary<string, string> { ["g_loss_avg"] = "0.6931471805599453" }, new Dictionary<string, Tensor>()));

        trainer.SaveState(saved);

        Assert.Equal("0.6931471805599453", saved.Values["g_loss_avg"]);
        Assert.Equal([new PlayerPair("", "d_loss", "g_loss")], ((ITrainer)trainer).PlayerPairs);
    }
}

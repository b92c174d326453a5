using Gan.Abstractions;
using Gan.Plugins.Sequences.Data;
using Gan.Plugins.Sequences.Metrics;
using TorchSharp;

namespace Gan.Plugins.Sequences.Tests;

public sealed class SineDataSourceTests
{
    private static SineDataSource Prepared(TestContext context, SineDataOptions options)
    {
        var source = new SineDataSource(context.Components, options);
        source.PrepareAsync(CancellationToken.None).GetAwaiter().GetResult();
        return source;
    }

    [Fact]
    public void Batches_hold_sequences_and_their_next_step_targets_shaped_B_T_1()
    {
        using var context = new TestContext();
        using var source = Prepared(context, new SineDataOptions { Count = 10, ValidationCount = 4, SequenceLength = 16, BatchSize = 4 });

        var batches = source.ReadEpoch(new EpochRequest(DataSplit.Train, 0, 7), CancellationToken.None).ToList();

        Assert.Equal(3, source.BatchesPerEpoch(DataSplit.Train));
        Assert.Equal([4L, 4, 2], batches.Select(b => b.Count));
        var first = batches[0];
        Assert.Equal([4L, 16, 1], first.Samples.shape);
        Assert.Equal([4L, 16, 1], first[Batch.TargetsKey].shape);
        // y is x moved one step ahead.
        Assert.True(first.Samples.narrow(1, 1, 15).allclose(first[Batch.TargetsKey].narrow(1, 0, 15), 0, 0));
        batches.ForEach(b => b.Dispose());
    }

    [Fact]
    public void Same_seed_gives_the_same_sequences_and_another_seed_different_ones()
    {
        using var context = new TestContext();
        var options = new SineDataOptions { Count = 8, ValidationCount = 2, SequenceLength = 12, Noise = [0.1, 0.1] };
        using var a = Prepared(context, options);
        using var b = Prepared(context, options);
        using var c = Prepared(context, new SineDataOptions { Count = 8, ValidationCount = 2, SequenceLength = 12, Noise = [0.1, 0.1], Seed = 99 });

        Assert.True(a.Sequences(DataSplit.Train).All.allclose(b.Sequences(DataSplit.Train).All, 0, 0));
        Assert.False(a.Sequences(DataSplit.Train).All.allclose(c.Sequences(DataSplit.Train).All, 0, 0));
        Assert.False(a.Sequences(DataSplit.Train).All.narrow(0, 0, 2).allclose(a.Sequences(DataSplit.Validation).All, 0, 0));
    }

    [Fact]
    public void Clean_sines_have_the_requested_amplitude_and_frequency()
    {
        using var context = new TestContext();
        using var source = Prepared(context, new SineDataOptions
        {
            Count = 32, SequenceLength = 128, Frequency = [0.05, 0.05], Amplitude = [2, 2], Noise = [0, 0],
        });

        var all = source.Sequences(DataSplit.Train).All;
        var frequencies = SequenceStatistics.DominantFrequencies(all);
        var amplitudes = SequenceStatistics.Amplitudes(all);

        Assert.All(frequencies, f => Assert.InRange(f, 0.049, 0.051));
        Assert.All(amplitudes, a => Assert.InRange(a, 1.9, 2.1));
        Assert.InRange(all.abs().max().item<float>(), 1.99f, 2.0f);
    }

    [Fact]
    public void Shuffled_epochs_differ_by_epoch_but_repeat_for_the_same_epoch()
    {
        using var context = new TestContext();
        using var source = Prepared(context, new SineDataOptions { Count = 16, SequenceLength = 8, BatchSize = 16 });

        torch.Tensor First(int epoch)
        {
            using var batch = source.ReadEpoch(new EpochRequest(DataSplit.Train, epoch, 7), CancellationToken.None).Single();
            return batch.Samples.clone();
        }

        using var e0 = First(0);
        using var e0Again = First(0);
        using var e1 = First(1);
        Assert.True(e0.allclose(e0Again, 0, 0));
        Assert.False(e0.allclose(e1, 0, 0));
    }

    [Fact]
    public void Frequency_range_above_nyquist_is_rejected_by_validation()
    {
        var options = new SineDataOptions { Frequency = [0.1, 0.7] };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Frequency", StringComparison.Ordinal));
    }
}

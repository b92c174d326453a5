namespace Gan.Toolkit.Tests;

public sealed class SeededRandomTests
{
    // Values of the SplitMix64 streams the MNIST/MIDI EpochOrder and the Sequences DeterministicRandom drew before the
    // toolkit existed: a change here changes every recorded epoch order and synthetic dataset, and breaks resumes.
    [Fact]
    public void Stream_reproduces_the_plugins_earlier_splitmix64_values()
    {
        var random = new SeededRandom(7, 2);
        Assert.Equal([0xa70ed1d48cd2f00dUL, 0x4736af5464995fbaUL, 0x6e1050666cc9b356UL],
            [random.NextUInt64(), random.NextUInt64(), random.NextUInt64()]);

        var negative = new SeededRandom(-1, -1);
        Assert.Equal([0xe4d971771b652c20UL, 0xe99ff867dbf682c9UL], [negative.NextUInt64(), negative.NextUInt64()]);
    }

    [Fact]
    public void NextDouble_takes_the_top_53_bits()
    {
        var random = new SeededRandom(123, 0);

        Assert.Equal(0.11021539228593724, random.NextDouble());
        Assert.Equal(0.6791074658802291, random.NextDouble());
    }

    [Fact]
    public void Epoch_order_reproduces_the_earlier_permutations()
    {
        Assert.Equal([9, 7, 4, 0, 3, 8, 2, 5, 1, 6], EpochOrder.Permutation(10, 1, 0));
        Assert.Equal([4, 2, 6, 1, 11, 0, 5, 8, 7, 9, 10, 3], EpochOrder.Permutation(12, 42, 3));
        Assert.Equal([1L, 5, 7, 3, 2, 0, 4, 6], EpochOrder.Permutation(8L, -7, 5));
    }

    [Fact]
    public void Epoch_order_differs_between_epochs_and_is_a_permutation()
    {
        var first = EpochOrder.Permutation(100, 5, 0);
        var second = EpochOrder.Permutation(100, 5, 1);

        Assert.NotEqual(first, second);
        Assert.Equal(Enumerable.Range(0, 100), first.Order());
        Assert.Empty(EpochOrder.Permutation(0, 5, 0));
    }

    [Fact]
    public void Restoring_the_state_continues_the_same_sequence()
    {
        var random = new SeededRandom(3, 9);
        random.NextUInt64();
        var saved = random.State;
        int[] expected = [random.Next(1000), random.Next(1000), random.Next(1000)];

        var restored = new SeededRandom(0, 0) { State = saved };

        int[] continued = [restored.Next(1000), restored.Next(1000), restored.Next(1000)];
        Assert.Equal(expected, continued);
    }

    [Fact]
    public void Next_stays_below_its_bound()
    {
        var random = new SeededRandom(1, 1);
        var draws = Enumerable.Range(0, 1000).Select(_ => random.Next(3)).ToList();

        Assert.All(draws, d => Assert.InRange(d, 0, 2));
        Assert.Equal([0, 1, 2], draws.Distinct().Order());
        Assert.Throws<ArgumentOutOfRangeException>(() => random.Next(0));
    }
}

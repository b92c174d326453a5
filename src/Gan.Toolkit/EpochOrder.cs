namespace Gan.Toolkit;

/// <summary>
/// The order in which one epoch visits a dataset: a permutation that depends only on (count, seed, epoch), so a run
/// resumed mid-epoch skips exactly the batches it had already seen, on any machine and any later build.
/// </summary>
/// <remarks>
/// Built on <see cref="SeededRandom"/> (stream = epoch) rather than <see cref="Random"/> or <c>torch.randperm</c>,
/// whose sequences are not promised to stay the same across .NET or libtorch versions.
/// </remarks>
public static class EpochOrder
{
    /// <summary>A permutation of 0..<paramref name="count"/>-1 for <paramref name="epoch"/> of a run seeded <paramref name="seed"/>.</summary>
    public static int[] Permutation(int count, int seed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        new SeededRandom(seed, epoch).Shuffle(order.AsSpan());
        return order;
    }

    /// <summary>
    /// The same permutation as <see cref="Permutation(int, int, int)"/> as 64-bit indices, for sources that index
    /// tensors with them (a count beyond <see cref="int.MaxValue"/> is refused: no array that long fits in memory).
    /// </summary>
    public static long[] Permutation(long count, int seed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, int.MaxValue);
        return Array.ConvertAll(Permutation((int)count, seed, epoch), i => (long)i);
    }
}

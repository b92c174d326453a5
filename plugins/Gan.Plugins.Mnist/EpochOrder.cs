namespace Gan.Plugins.Mnist;

/// <summary>
/// The order in which one epoch visits the examples. Hand-written (SplitMix64 + Fisher–Yates) rather than
/// <see cref="Random"/> or <c>torch.randperm</c>, whose sequences are not promised to stay the same across
/// .NET or libtorch versions: a run must resume in the same order on any machine and any later build.
/// </summary>
internal static class EpochOrder
{
    /// <summary>A permutation of 0..<paramref name="count"/>-1 that depends only on the arguments.</summary>
    public static long[] Permutation(long count, int seed, int epoch)
    {
        var order = new long[count];
        for (long i = 0; i < count; i++)
        {
            order[i] = i;
        }

        // Seed and epoch fill separate halves of the state, so (seed, epoch) pairs never collide.
        var state = ((ulong)(uint)seed << 32) | (uint)epoch;
        for (var i = count - 1; i > 0; i--)
        {
            var j = (long)(Next(ref state) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    // SplitMix64 (Steele, Lea and Flood, 2014): tiny, fast, and well mixed even from adjacent seeds.
    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

namespace Gan.Plugins.Midi.PianoRoll;

/// <summary>
/// The order in which one epoch visits the segments. Hand-written (SplitMix64 + Fisher–Yates) rather than
/// <see cref="Random"/> or <c>torch.randperm</c>, whose sequences may change across .NET or libtorch versions:
/// the order must depend only on (seed, epoch) so a run can resume mid-epoch.
/// </summary>
internal static class EpochOrder
{
    public static int[] Permutation(int count, int seed, int epoch)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var state = ((ulong)(uint)seed << 32) | (uint)epoch;
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)(Next(ref state) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    // SplitMix64 (Steele, Lea and Flood, 2014).
    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

namespace Gan.Plugins.CycleGan.Data;

/// <summary>
/// The random choices of one epoch, drawn up front on the enumerating thread so that parallel decoding cannot
/// change them: the same seed and epoch give the same pairs, crops and flips on every run.
/// As the reference's UnalignedDataset: an epoch has max(|A|, |B|) items in shuffled order, item i takes
/// A[i mod |A|] and an independently drawn B, so the two domains are never paired.
/// </summary>
internal static class EpochPlan
{
    /// <summary>The (A, B) draws of <paramref name="epoch"/>; no crop offsets or flips when <paramref name="cropRange"/> is 0 and <paramref name="flip"/> false.</summary>
    public static (SampleDraw A, SampleDraw B)[] Create(int countA, int countB, int seed, int epoch, int cropRange, bool flip)
    {
        var random = new Random(Mix(seed, epoch));
        var length = Math.Max(countA, countB);
        var order = Enumerable.Range(0, length).ToArray();
        random.Shuffle(order);
        var plan = new (SampleDraw, SampleDraw)[length];
        for (var i = 0; i < length; i++)
        {
            var a = Draw(random, order[i] % countA, cropRange, flip);
            var b = Draw(random, random.Next(countB), cropRange, flip);
            plan[i] = (a, b);
        }

        return plan;
    }

    private static SampleDraw Draw(Random random, int index, int cropRange, bool flip) =>
        new(index, random.Next(cropRange + 1), random.Next(cropRange + 1), flip && random.Next(2) == 1);

    /// <summary>A seed for System.Random that differs for every (seed, epoch) and is stable across processes.</summary>
    private static int Mix(int seed, int epoch)
    {
        // SplitMix64's finaliser: string.GetHashCode and HashCode are randomised per process, so unusable here.
        var z = ((ulong)(uint)seed << 32 | (uint)epoch) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }
}

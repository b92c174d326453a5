using Gan.Toolkit;

namespace Gan.Plugins.CycleGan.Data;

/// <summary>
/// The random choices of one epoch, drawn up front on the enumerating thread so that parallel decoding cannot
/// change them: the same seed and epoch give the same pairs, crops and flips on every run.
/// As the reference's UnalignedDataset: an epoch has max(|A|, |B|) items in shuffled order, item i takes
/// A[i mod |A|] and an independently drawn B, so the two domains are never paired.
/// The draws come from the toolkit's <see cref="SeededRandom"/> stream (seed, epoch), whose sequence, unlike
/// <see cref="Random"/>'s, is the same on every .NET version.
/// </summary>
internal static class EpochPlan
{
    /// <summary>The (A, B) draws of <paramref name="epoch"/>; no crop offsets or flips when <paramref name="cropRange"/> is 0 and <paramref name="flip"/> false.</summary>
    public static (SampleDraw A, SampleDraw B)[] Create(int countA, int countB, int seed, int epoch, int cropRange, bool flip)
    {
        var random = new SeededRandom(seed, epoch);
        var length = Math.Max(countA, countB);
        var order = Enumerable.Range(0, length).ToArray();
        random.Shuffle(order.AsSpan());
        var plan = new (SampleDraw, SampleDraw)[length];
        for (var i = 0; i < length; i++)
        {
            var a = Draw(random, order[i] % countA, cropRange, flip);
            var b = Draw(random, random.Next(countB), cropRange, flip);
            plan[i] = (a, b);
        }

        return plan;
    }

    private static SampleDraw Draw(SeededRandom random, int index, int cropRange, bool flip) =>
        new(index, random.Next(cropRange + 1), random.Next(cropRange + 1), flip && random.Next(2) == 1);
}

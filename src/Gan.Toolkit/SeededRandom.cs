namespace Gan.Toolkit;

/// <summary>
/// A SplitMix64 stream (Steele, Lea and Flood, 2014) fixed by a seed and a stream number. Hand-written rather than
/// <see cref="Random"/>, whose sequence for a given seed is not promised to stay the same across .NET versions: a
/// shuffle, a synthetic dataset or a resumed run must draw the same numbers on any machine and any later build.
/// </summary>
/// <remarks>
/// Not thread-safe; give each thread or purpose its own stream. <see cref="State"/> is the whole state, so a
/// checkpoint that saves it and sets it back continues the exact sequence.
/// </remarks>
public sealed class SeededRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>A stream fixed by <paramref name="seed"/> and <paramref name="stream"/> (for example the epoch).</summary>
    /// <remarks>Seed and stream fill separate halves of the state, so distinct (seed, stream) pairs never collide.</remarks>
    public SeededRandom(int seed, int stream) => State = ((ulong)(uint)seed << 32) | (uint)stream;

    /// <summary>The generator's whole state: save it with a checkpoint and set it back to continue the same sequence.</summary>
    public ulong State { get; set; }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = State += Golden;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>), as <c>NextUInt64() % maxExclusive</c>.</summary>
    /// <remarks>
    /// The modulo's bias is below 2⁻³² for any int bound, and keeping it keeps every existing epoch order and
    /// dataset (which drew this way) unchanged.
    /// </remarks>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>), as <c>NextUInt64() % maxExclusive</c>.</summary>
    public long Next(long maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (long)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>Uniform in [0, 1) with 53 bits of precision.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates from the end: for i = n-1..1, j = Next(i + 1)).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)(NextUInt64() % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

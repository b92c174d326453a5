namespace Gan.Plugins.Sequences.Data;

/// <summary>
/// A SplitMix64 stream (Steele, Lea and Flood, 2014). Hand-written rather than <see cref="Random"/>, whose
/// sequence is not promised to stay the same across .NET versions: a synthetic dataset must be the same
/// series of numbers for a given seed on any machine and any later build.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _state;
    private double? _spareGaussian;

    /// <summary>A stream fixed by <paramref name="seed"/> and <paramref name="stream"/> (separate halves of the state, so pairs never collide).</summary>
    public DeterministicRandom(int seed, int stream) => _state = ((ulong)(uint)seed << 32) | (uint)stream;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1), 53 bits of precision.</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Standard normal (Box–Muller, both values used).</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is { } spare)
        {
            _spareGaussian = null;
            return spare;
        }

        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareGaussian = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A permutation of 0..<paramref name="count"/>-1 (Fisher–Yates), fixed by the seed, stream and epoch.</summary>
    public static long[] Permutation(long count, int seed, int epoch)
    {
        var random = new DeterministicRandom(seed, epoch);
        var order = new long[count];
        for (long i = 0; i < count; i++)
        {
            order[i] = i;
        }

        for (var i = count - 1; i > 0; i--)
        {
            var j = (long)(random.NextBits() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}

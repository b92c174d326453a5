using Gan.Toolkit;

namespace Gan.Plugins.Sequences.Data;

/// <summary>
/// Standard normal draws from a <see cref="SeededRandom"/> (Box–Muller, both values of each pair used), so noisy
/// synthetic data is the same series for a given seed on every .NET version.
/// </summary>
internal sealed class GaussianSampler(SeededRandom random)
{
    private double? _spare;

    /// <summary>The next standard normal value.</summary>
    public double Next()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }

        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spare = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }
}

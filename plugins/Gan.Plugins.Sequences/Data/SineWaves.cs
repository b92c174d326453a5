using Gan.Toolkit;

namespace Gan.Plugins.Sequences.Data;

/// <summary>Synthesises sine sequences from the ranges of <see cref="SineDataOptions"/>, deterministically.</summary>
internal static class SineWaves
{
    /// <summary><paramref name="count"/> sequences of <paramref name="length"/> values from the stream (seed, <paramref name="stream"/>).</summary>
    public static float[,] Generate(SineDataOptions options, int count, int length, int seed, int stream)
    {
        var random = new SeededRandom(seed, stream);
        var gaussian = new GaussianSampler(random);
        double Uniform(double min, double max) => min + ((max - min) * random.NextDouble());
        var (fMin, fMax) = ValueRange.Bounds(options.Frequency);
        var (pMin, pMax) = ValueRange.Bounds(options.Phase);
        var (aMin, aMax) = ValueRange.Bounds(options.Amplitude);
        var (nMin, nMax) = ValueRange.Bounds(options.Noise);
        var data = new float[count, length];
        for (var i = 0; i < count; i++)
        {
            // Drawn in a fixed order so a sequence depends only on (seed, stream, index).
            var frequency = Uniform(fMin, fMax);
            var phase = Uniform(pMin, pMax);
            var amplitude = Uniform(aMin, aMax);
            var noise = Uniform(nMin, nMax);
            for (var t = 0; t < length; t++)
            {
                var value = amplitude * Math.Sin((2 * Math.PI * frequency * t) + phase);
                data[i, t] = (float)(noise > 0 ? value + (noise * gaussian.Next()) : value);
            }
        }

        return data;
    }
}

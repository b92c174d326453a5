using Gan.Toolkit;

namespace Acme.Gan.Plugin;

/// <summary>Where the blobs are: shared by the data source and the metric so both agree.</summary>
internal static class Blobs
{
    /// <summary>The centre of blob <paramref name="mode"/> of <paramref name="modes"/>, on the unit circle.</summary>
    public static (double X, double Y) Centre(int mode, int modes)
    {
        var angle = 2 * Math.PI * mode / modes;
        return (Math.Cos(angle), Math.Sin(angle));
    }

    /// <summary>A standard normal draw (Box–Muller), so the data depend only on the seed.</summary>
    public static double Gaussian(SeededRandom random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

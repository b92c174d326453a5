using Gan.Plugins.CycleGan.Images;
using Gan.Toolkit;

namespace Gan.Plugins.CycleGan.Tools;

/// <summary>
/// A synthetic two-domain dataset for trying CycleGAN in minutes: domain A holds red circles, squares and
/// triangles on a light background, domain B the same kinds of shapes in blue, drawn independently (unpaired).
/// A correct translation keeps every shape where it is and swaps its colour.
/// </summary>
internal static class ShapesDataset
{
    private static readonly byte[] Background = [235, 235, 230];
    private static readonly byte[] Red = [215, 40, 35];
    private static readonly byte[] Blue = [35, 70, 215];

    /// <summary>Writes ROOT/trainA, trainB, testA, testB as PNG files.</summary>
    public static void Write(string root, int size, int trainCount, int testCount, int seed)
    {
        var random = new SeededRandom(seed, 0);
        foreach (var (folder, count, colour) in new[]
        {
            ("trainA", trainCount, Red), ("trainB", trainCount, Blue), ("testA", testCount, Red), ("testB", testCount, Blue),
        })
        {
            var path = Path.Combine(root, folder);
            Directory.CreateDirectory(path);
            for (var i = 0; i < count; i++)
            {
                var image = Draw(random, size, colour);
                File.WriteAllBytes(Path.Combine(path, $"{i:D4}.png"), ImageEncoder.ToPng(image));
            }
        }
    }

    /// <summary>One image of one to three shapes in <paramref name="colour"/>.</summary>
    public static DecodedImage Draw(SeededRandom random, int size, byte[] colour)
    {
        var rgb = new byte[size * size * 3];
        for (var p = 0; p < size * size; p++)
        {
            Background.CopyTo(rgb, p * 3);
        }

        var shapes = Between(random, 1, 4);
        for (var s = 0; s < shapes; s++)
        {
            var kind = random.Next(3);
            var radius = Between(random, size / 10, (size / 4) + 1);
            var cx = Between(random, radius, size - radius);
            var cy = Between(random, radius, size - radius);
            for (var y = cy - radius; y <= cy + radius; y++)
            {
                for (var x = cx - radius; x <= cx + radius; x++)
                {
                    if (x >= 0 && y >= 0 && x < size && y < size && Inside(kind, x - cx, y - cy, radius))
                    {
                        colour.CopyTo(rgb, ((y * size) + x) * 3);
                    }
                }
            }
        }

        return new DecodedImage(rgb, size, size);
    }

    private static bool Inside(int kind, int dx, int dy, int radius) => kind switch
    {
        0 => (dx * dx) + (dy * dy) <= radius * radius,
        1 => Math.Abs(dx) <= radius * 3 / 4 && Math.Abs(dy) <= radius * 3 / 4,
        // Upward triangle: the row's half-width grows from 0 at the apex to the radius at the base.
        _ => dy >= -radius && Math.Abs(dx) * 2 <= dy + radius,
    };

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    private static int Between(SeededRandom random, int min, int max) => min + random.Next(max - min);
}

using StbImageSharp;
using StbImageWriteSharp;

namespace Gan.Tracking;

/// <summary>
/// The small copy MLflow's image gallery loads first (the <c>%compressed</c> file of a logged image): scaled to fit a
/// 256-pixel square as MLflow's <c>compress_image_size</c> does, by averaging the pixels each target pixel covers.
/// PNG, not MLflow's WebP: there is no WebP encoder in the package feed, and the UI reads either.
/// </summary>
internal static class PngThumbnail
{
    /// <summary>MLflow's COMPRESSED_IMAGE_SIZE.</summary>
    public const int MaxSize = 256;

    /// <summary>A PNG at most <see cref="MaxSize"/> pixels on its longer side; the input itself when already that small.</summary>
    /// <exception cref="InvalidOperationException">The bytes are not an image StbImageSharp can decode.</exception>
    public static byte[] Create(byte[] png)
    {
        var image = ImageResult.FromMemory(png, StbImageSharp.ColorComponents.RedGreenBlueAlpha);
        if (Math.Max(image.Width, image.Height) <= MaxSize)
        {
            return png; // MLflow would scale it up; a copy no larger than the original serves the gallery as well
        }

        var scale = (double)MaxSize / Math.Max(image.Width, image.Height);
        var width = Math.Max(1, (int)(image.Width * scale));
        var height = Math.Max(1, (int)(image.Height * scale));
        var pixels = Downscale(image.Data, image.Width, image.Height, width, height);
        using var output = new MemoryStream();
        new ImageWriter().WritePng(pixels, width, height, StbImageWriteSharp.ColorComponents.RedGreenBlueAlpha, output);
        return output.ToArray();
    }

    // Area averaging: each target pixel is the mean of the source pixels whose centres fall inside it.
    private static byte[] Downscale(byte[] source, int sourceWidth, int sourceHeight, int width, int height)
    {
        var result = new byte[width * height * 4];
        var sums = new long[4];
        for (var y = 0; y < height; y++)
        {
            var y0 = y * sourceHeight / height;
            var y1 = Math.Max(y0 + 1, (y + 1) * sourceHeight / height);
            for (var x = 0; x < width; x++)
            {
                var x0 = x * sourceWidth / width;
                var x1 = Math.Max(x0 + 1, (x + 1) * sourceWidth / width);
                Array.Clear(sums);
                for (var sy = y0; sy < y1; sy++)
                {
                    var row = sy * sourceWidth * 4;
                    for (var sx = x0; sx < x1; sx++)
                    {
                        var offset = row + sx * 4;
                        for (var c = 0; c < 4; c++)
                        {
                            sums[c] += source[offset + c];
                        }
                    }
                }

                var count = (y1 - y0) * (x1 - x0);
                var target = (y * width + x) * 4;
                for (var c = 0; c < 4; c++)
                {
                    result[target + c] = (byte)((sums[c] + count / 2) / count);
                }
            }
        }

        return result;
    }
}

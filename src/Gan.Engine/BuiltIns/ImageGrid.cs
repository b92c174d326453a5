using StbImageWriteSharp;
using static TorchSharp.torch;

namespace Gan.Engine.BuiltIns;

/// <summary>Lays out a batch of images in [-1, 1] as one PNG (grey for one channel, RGB for three).</summary>
public static class ImageGrid
{
    /// <summary>Encodes <paramref name="images"/> (N, C, H, W), values in [-1, 1], as a PNG grid.</summary>
    public static byte[] ToPng(Tensor images, int columns, int padding, int scale)
    {
        if (images.dim() != 4 || images.shape[1] is not (1 or 3))
        {
            throw new ArgumentException($"Expected images shaped (N, 1 or 3, H, W); got ({string.Join(", ", images.shape)}).", nameof(images));
        }

        var (count, channels, height, width) = ((int)images.shape[0], (int)images.shape[1], (int)images.shape[2], (int)images.shape[3]);
        var rows = (count + columns - 1) / columns;
        var cellWidth = (width * scale) + padding;
        var cellHeight = (height * scale) + padding;
        var gridWidth = (columns * cellWidth) + padding;
        var gridHeight = (rows * cellHeight) + padding;

        using var bytes = images.add(1).mul(127.5).clamp(0, 255).round().to(ScalarType.Byte).permute(0, 2, 3, 1).contiguous();
        var pixels = bytes.data<byte>().ToArray();
        var grid = new byte[gridWidth * gridHeight * channels];
        for (var n = 0; n < count; n++)
        {
            var originX = padding + ((n % columns) * cellWidth);
            var originY = padding + ((n / columns) * cellHeight);
            for (var y = 0; y < height * scale; y++)
            {
                for (var x = 0; x < width * scale; x++)
                {
                    var source = (((n * height) + (y / scale)) * width + (x / scale)) * channels;
                    var target = (((originY + y) * gridWidth) + originX + x) * channels;
                    Array.Copy(pixels, source, grid, target, channels);
                }
            }
        }

        using var stream = new MemoryStream();
        new ImageWriter().WritePng(grid, gridWidth, gridHeight,
            channels == 1 ? ColorComponents.Grey : ColorComponents.RedGreenBlue, stream);
        return stream.ToArray();
    }
}

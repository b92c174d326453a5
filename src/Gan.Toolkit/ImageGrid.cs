using StbImageWriteSharp;
using static TorchSharp.torch;

namespace Gan.Toolkit;

/// <summary>
/// Lays out images as one PNG grid, row by row: <c>columns</c> cells per row, each image scaled up by whole pixels,
/// <c>padding</c> pixels of background between cells and around the edge. Grey for one channel, RGB for three.
/// </summary>
public static class ImageGrid
{
    /// <summary>Encodes <paramref name="images"/> (N, C, H, W) with values in [-1, 1] (a generator's tanh output) as a PNG grid.</summary>
    /// <exception cref="ArgumentException">Not shaped (N, 1 or 3, H, W).</exception>
    public static byte[] ToPng(Tensor images, int columns, int padding = 2, int scale = 1, byte background = 0)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || images.shape[1] is not (1 or 3))
        {
            throw new ArgumentException($"Expected images shaped (N, 1 or 3, H, W); got ({string.Join(", ", images.shape)}).", nameof(images));
        }

        var (count, channels, height, width) = ((int)images.shape[0], (int)images.shape[1], (int)images.shape[2], (int)images.shape[3]);
        using var scope = NewDisposeScope();
        var bytes = images.detach().cpu().add(1).mul(127.5).clamp(0, 255).round().to(ScalarType.Byte).permute(0, 2, 3, 1).contiguous();
        return ToPng(bytes.data<byte>().ToArray(), count, height, width, channels, columns, padding, scale, background);
    }

    /// <summary>
    /// Encodes <paramref name="count"/> images of <paramref name="height"/> × <paramref name="width"/> pixels stored
    /// back to back in <paramref name="pixels"/>, row-major with interleaved channels (N, H, W, C), as a PNG grid.
    /// </summary>
    public static byte[] ToPng(ReadOnlySpan<byte> pixels, int count, int height, int width, int channels, int columns,
        int padding = 2, int scale = 1, byte background = 0)
    {
        if (channels is not (1 or 3))
        {
            throw new ArgumentException($"Expected 1 (grey) or 3 (RGB) channels; got {channels}.", nameof(channels));
        }

        if (pixels.Length != count * height * width * channels)
        {
            throw new ArgumentException($"Expected {count} × {height} × {width} × {channels} bytes; got {pixels.Length}.", nameof(pixels));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        var rows = Math.Max(1, (count + columns - 1) / columns);
        var cellWidth = (width * scale) + padding;
        var cellHeight = (height * scale) + padding;
        var gridWidth = (columns * cellWidth) + padding;
        var gridHeight = (rows * cellHeight) + padding;
        var grid = new byte[gridWidth * gridHeight * channels];
        Array.Fill(grid, background);
        for (var n = 0; n < count; n++)
        {
            var originX = padding + ((n % columns) * cellWidth);
            var originY = padding + ((n / columns) * cellHeight);
            for (var y = 0; y < height * scale; y++)
            {
                for (var x = 0; x < width * scale; x++)
                {
                    var source = ((((n * height) + (y / scale)) * width) + (x / scale)) * channels;
                    var target = (((originY + y) * gridWidth) + originX + x) * channels;
                    pixels.Slice(source, channels).CopyTo(grid.AsSpan(target, channels));
                }
            }
        }

        using var stream = new MemoryStream();
        new ImageWriter().WritePng(grid, gridWidth, gridHeight, channels == 1 ? ColorComponents.Grey : ColorComponents.RedGreenBlue, stream);
        return stream.ToArray();
    }
}

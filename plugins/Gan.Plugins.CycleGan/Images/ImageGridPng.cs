using static TorchSharp.torch;

namespace Gan.Plugins.CycleGan.Images;

/// <summary>Lays out (N, 3, H, W) images in [-1, 1] row by row as one RGB PNG (the engine's grid is internal to it).</summary>
internal static class ImageGridPng
{
    /// <summary>Encodes <paramref name="images"/> as a grid with <paramref name="columns"/> cells per row.</summary>
    public static byte[] Encode(Tensor images, int columns, int padding, int scale)
    {
        var (count, height, width) = ((int)images.shape[0], (int)images.shape[2], (int)images.shape[3]);
        var rows = (count + columns - 1) / columns;
        var cellWidth = (width * scale) + padding;
        var cellHeight = (height * scale) + padding;
        var gridWidth = (columns * cellWidth) + padding;
        var gridHeight = (rows * cellHeight) + padding;
        var grid = new byte[gridWidth * gridHeight * 3];
        Array.Fill(grid, (byte)255);
        for (var n = 0; n < count; n++)
        {
            var cell = ImageTensors.ToImage(images[n]);
            var originX = padding + ((n % columns) * cellWidth);
            var originY = padding + ((n / columns) * cellHeight);
            for (var y = 0; y < height * scale; y++)
            {
                for (var x = 0; x < width * scale; x++)
                {
                    Array.Copy(cell.Rgb, (((y / scale) * width) + (x / scale)) * 3, grid, (((originY + y) * gridWidth) + originX + x) * 3, 3);
                }
            }
        }

        return ImageEncoder.ToPng(new DecodedImage(grid, gridWidth, gridHeight));
    }
}

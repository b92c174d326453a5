using StbImageSharp;
using static TorchSharp.torch;

namespace Gan.Toolkit.Tests;

public sealed class ImageGridTests
{
    [Fact]
    public void Grey_grid_decodes_back_to_the_cells_scaled_and_padded()
    {
        // Two 1×2 images: [10, 20] and [30, 40]; 2 columns, padding 1, scale 2, background 255.
        byte[] pixels = [10, 20, 30, 40];

        var png = ImageGrid.ToPng(pixels, count: 2, height: 1, width: 2, channels: 1, columns: 2, padding: 1, scale: 2, background: 255);

        var image = ImageResult.FromMemory(png, ColorComponents.Grey);
        Assert.Equal((11, 4), (image.Width, image.Height)); // 2 cells of 4 px + 3 padding; 2 rows + 2 padding
        Assert.Equal(255, image.Data[0]);
        byte[] row = [255, 10, 10, 20, 20, 255, 30, 30, 40, 40, 255];
        Assert.Equal(row, image.Data.AsSpan(1 * 11, 11).ToArray());
        Assert.Equal(row, image.Data.AsSpan(2 * 11, 11).ToArray());
        Assert.All(image.Data.AsSpan(3 * 11, 11).ToArray(), p => Assert.Equal(255, p));
    }

    [Fact]
    public void Rgb_tensor_in_minus_one_to_one_maps_to_bytes()
    {
        // Three 1×1 RGB images (N, 3, 1, 1): red, green, black; 3 columns, no padding.
        using var images = tensor(new float[] { 1, -1, -1, -1, 1, -1, -1, -1, -1 }, [3, 3, 1, 1]);

        var png = ImageGrid.ToPng(images, columns: 3, padding: 0);

        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        Assert.Equal((3, 1), (image.Width, image.Height));
        Assert.Equal([255, 0, 0, 0, 255, 0, 0, 0, 0], image.Data);
    }

    [Fact]
    public void Wrong_shapes_are_refused()
    {
        using var twoChannels = zeros(1, 2, 4, 4);

        Assert.Throws<ArgumentException>(() => ImageGrid.ToPng(twoChannels, columns: 1));
        Assert.Throws<ArgumentException>(() => ImageGrid.ToPng(new byte[3], 1, 1, 2, 1, 1));
    }
}

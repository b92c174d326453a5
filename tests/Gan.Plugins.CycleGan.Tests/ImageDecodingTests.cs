using Gan.Abstractions;
using Gan.Plugins.CycleGan.Images;

namespace Gan.Plugins.CycleGan.Tests;

public sealed class ImageDecodingTests
{
    [Fact]
    public void Rgb_png_decodes_to_its_pixels()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Combine("rgb.png");
        TestImages.WritePng(path, 5, 3, 10, 20, 30);

        var image = ImageDecoder.Decode(path);

        Assert.Equal((5, 3), (image.Width, image.Height));
        Assert.Equal(TestImages.Solid(5, 3, 10, 20, 30), image.Rgb);
    }

    [Fact]
    public void Grey_png_is_replicated_to_three_equal_channels()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Combine("grey.png");
        TestImages.WritePng(path, 4, 4, 77);

        var image = ImageDecoder.Decode(path);

        Assert.Equal(TestImages.Solid(4, 4, 77, 77, 77), image.Rgb);
    }

    [Fact]
    public void Rgba_png_drops_the_alpha_channel()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Combine("rgba.png");
        TestImages.WritePng(path, 3, 2, 1, 2, 3, 128);

        var image = ImageDecoder.Decode(path);

        Assert.Equal(3 * 2 * 3, image.Rgb.Length);
        Assert.Equal(TestImages.Solid(3, 2, 1, 2, 3), image.Rgb);
    }

    [Fact]
    public void Jpeg_decodes_to_nearly_its_colour()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Combine("photo.jpg");
        TestImages.WriteJpeg(path, 16, 8, 200, 100, 50);

        var image = ImageDecoder.Decode(path);

        Assert.Equal((16, 8), (image.Width, image.Height));
        Assert.All(image.Rgb.Chunk(3), px => Assert.True(
            Math.Abs(px[0] - 200) <= 4 && Math.Abs(px[1] - 100) <= 4 && Math.Abs(px[2] - 50) <= 4, $"pixel {px[0]},{px[1]},{px[2]}"));
    }

    [Fact]
    public void Corrupt_image_names_the_file()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Combine("broken.png");
        File.WriteAllBytes(path, [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3, 4, 5, 6]);

        var error = Assert.Throws<GanInputException>(() => ImageDecoder.Decode(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}

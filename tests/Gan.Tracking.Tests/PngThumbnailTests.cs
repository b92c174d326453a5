using StbImageSharp;
using StbImageWriteSharp;

namespace Gan.Tracking.Tests;

public sealed class PngThumbnailTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_large_image_is_scaled_to_fit_256_pixels_keeping_its_aspect_and_colours()
    {
        var png = Png(512, 256, (x, y) => x < 256 ? (byte)200 : (byte)40);

        var thumbnail = PngThumbnail.Create(png);

        var decoded = ImageResult.FromMemory(thumbnail, StbImageSharp.ColorComponents.RedGreenBlueAlpha);
        Assert.Equal((256, 128), (decoded.Width, decoded.Height));
        Assert.True(thumbnail.Length < png.Length);
        Assert.Equal(200, decoded.Data[(10 * 256 + 10) * 4]);      // left half stays bright
        Assert.Equal(40, decoded.Data[(10 * 256 + 200) * 4]);      // right half stays dark
    }

    [Fact]
    public void A_small_image_is_its_own_thumbnail()
    {
        var png = Png(64, 64, (x, y) => (byte)(x + y));
        Assert.Same(png, PngThumbnail.Create(png));
    }

    [Fact]
    public async Task A_logged_grid_gets_a_real_thumbnail_beside_it_and_a_broken_image_still_gets_both_files()
    {
        var store = new FileTrackingStore(_temp.Combine("mlruns"));
        var grid = Png(600, 600, (x, y) => (byte)((x / 10 + y / 10) % 2 * 255));
        string artifacts;
        await using (var run = await store.StartRunAsync(new RunStartRequest("thumbs", "r", new Dictionary<string, string>()), CancellationToken.None))
        {
            run.LogImage("samples/grid", grid, 200);
            run.LogImage("broken", [1, 2, 3], 1);
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
            artifacts = new Uri(run.ArtifactUri).LocalPath;
        }

        var files = Directory.GetFiles(Path.Combine(artifacts, "images"));
        var full = Assert.Single(files, f => f.Contains("samples#grid%step%200%", StringComparison.Ordinal) && !f.Contains("%compressed", StringComparison.Ordinal));
        var small = Assert.Single(files, f => f.Contains("samples#grid%step%200%", StringComparison.Ordinal) && f.EndsWith("%compressed.png", StringComparison.Ordinal));
        Assert.Equal(grid, await File.ReadAllBytesAsync(full));
        var decoded = ImageResult.FromMemory(await File.ReadAllBytesAsync(small), StbImageSharp.ColorComponents.RedGreenBlueAlpha);
        Assert.Equal((256, 256), (decoded.Width, decoded.Height));
        Assert.True(new FileInfo(small).Length < new FileInfo(full).Length);
        Assert.Equal(2, files.Count(f => Path.GetFileName(f).StartsWith("broken%step%1%", StringComparison.Ordinal)));
    }

    internal static byte[] Png(int width, int height, Func<int, int, byte> shade)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = shade(x, y);
                pixels[(y * width + x) * 3] = v;
                pixels[(y * width + x) * 3 + 1] = v;
                pixels[(y * width + x) * 3 + 2] = (byte)(255 - v);
            }
        }

        using var stream = new MemoryStream();
        new ImageWriter().WritePng(pixels, width, height, StbImageWriteSharp.ColorComponents.RedGreenBlue, stream);
        return stream.ToArray();
    }
}

using Gan.Abstractions;
using Gan.Plugins.CycleGan.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StbImageWriteSharp;
using TorchSharp;

namespace Gan.Plugins.CycleGan.Tests;

/// <summary>Real image files written with stb (PNG grey/RGB/RGBA, JPEG), dataset folders and a component context.</summary>
internal static class TestImages
{
    /// <summary>A solid-colour image with <paramref name="components"/> channels of the given values.</summary>
    public static byte[] Solid(int width, int height, params byte[] channels)
    {
        var data = new byte[width * height * channels.Length];
        for (var p = 0; p < width * height; p++)
        {
            channels.CopyTo(data, p * channels.Length);
        }

        return data;
    }

    public static void WritePng(string path, int width, int height, params byte[] channels)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        var components = channels.Length switch
        {
            1 => ColorComponents.Grey,
            2 => ColorComponents.GreyAlpha,
            3 => ColorComponents.RedGreenBlue,
            _ => ColorComponents.RedGreenBlueAlpha,
        };
        new ImageWriter().WritePng(Solid(width, height, channels), width, height, components, stream);
    }

    public static void WriteJpeg(string path, int width, int height, params byte[] rgb)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        new ImageWriter().WriteJpg(Solid(width, height, rgb), width, height, ColorComponents.RedGreenBlue, stream, 95);
    }

    /// <summary>A dataset with <paramref name="count"/> RGB PNGs per train domain (A red, B blue) and two per test domain.</summary>
    public static string Dataset(string root, int count = 3, int size = 12)
    {
        for (var i = 0; i < count; i++)
        {
            WritePng(Path.Combine(root, "trainA", $"a{i}.png"), size, size, 200, 20, (byte)(10 * i));
            WritePng(Path.Combine(root, "trainB", $"b{i}.png"), size + 2, size, 20, (byte)(10 * i), 200);
        }

        for (var i = 0; i < 2; i++)
        {
            WritePng(Path.Combine(root, "testA", $"a{i}.png"), size, size, 200, 20, 20);
            WritePng(Path.Combine(root, "testB", $"b{i}.png"), size, size, 20, 20, 200);
        }

        return root;
    }

    public static ComponentContext Context(string dataRoot, IProgressReporter? progress = null) => new(
        torch.CPU, 7, dataRoot, Path.Combine(dataRoot, "cache"), NullLoggerFactory.Instance,
        progress ?? new RecordingProgress(), new ServiceCollection().BuildServiceProvider());

    public static UnalignedImagesDataSource Source(string root, Action<UnalignedImagesOptions>? configure = null)
    {
        var options = new UnalignedImagesOptions { Path = root, BatchSize = 2, LoadSize = 12, CropSize = 8 };
        configure?.Invoke(options);
        return new UnalignedImagesDataSource(Context(root), options, new HttpClient());
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using Gan.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;

namespace Gan.Plugins.Mnist.Tests;

/// <summary>Builders for the smallest real inputs: IDX files, temporary folders, a component context.</summary>
internal static class TestData
{
    public static string MnistFolder => Path.Combine(Gan.Tests.Shared.RepositoryPaths.SharedData, "mnist");

    public static ComponentContext Context(string dataRoot, IProgressReporter? progress = null, int seed = 7) => new(
        torch.CPU,
        seed,
        dataRoot,
        Path.Combine(dataRoot, "cache"),
        NullLoggerFactory.Instance,
        progress ?? new RecordingProgressReporter(),
        new ServiceCollection().BuildServiceProvider());

    /// <summary>The bytes of a well-formed unsigned-byte IDX file.</summary>
    public static byte[] Idx(int[] dims, byte[] data)
    {
        var bytes = new byte[4 + (4 * dims.Length) + data.Length];
        bytes[2] = 0x08;
        bytes[3] = (byte)dims.Length;
        for (var i = 0; i < dims.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * i)), dims[i]);
        }

        data.CopyTo(bytes, 4 + (4 * dims.Length));
        return bytes;
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>Images whose pixel values encode their index, so tests can tell which example a batch holds.</summary>
    public static byte[] Images(int count, int rows, int cols)
    {
        var data = new byte[count * rows * cols];
        for (var i = 0; i < count; i++)
        {
            data.AsSpan(i * rows * cols, rows * cols).Fill((byte)i);
        }

        return Idx([count, rows, cols], data);
    }

    public static byte[] Labels(int count) => Idx([count], Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray());

    /// <summary>Writes a complete tiny MNIST folder (train and test), gzipped or raw.</summary>
    public static void WriteTinyMnist(string folder, int trainImages, int trainLabels, int testCount = 3, bool gzip = true)
    {
        Directory.CreateDirectory(folder);
        void Write(string name, byte[] content) =>
            File.WriteAllBytes(Path.Combine(folder, gzip ? name + ".gz" : name), gzip ? Gzip(content) : content);
        Write("train-images-idx3-ubyte", Images(trainImages, 28, 28));
        Write("train-labels-idx1-ubyte", Labels(trainLabels));
        Write("t10k-images-idx3-ubyte", Images(testCount, 28, 28));
        Write("t10k-labels-idx1-ubyte", Labels(testCount));
    }
}

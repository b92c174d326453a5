using System.Buffers.Binary;
using System.IO.Compression;
using static TorchSharp.torch;

namespace Gan.Bench.Mnist;

/// <summary>
/// Reads MNIST's training images (IDX, gzip) into one in-memory tensor for the bare loop. The plugin's own reader
/// is internal to the plugin and loaded in isolation, so the bench carries this minimal one (no validation beyond
/// the magic number: the engine side validates the same files).
/// </summary>
internal static class MnistImages
{
    private const int ImagesMagic = 0x00000803;

    /// <summary>All training images as (N, 784) floats scaled to [-1, 1], like the data source yields them.</summary>
    public static Tensor LoadTraining(string dataRoot)
    {
        var path = Path.Combine(dataRoot, "mnist", "train-images-idx3-ubyte.gz");
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        Span<byte> header = stackalloc byte[16];
        gzip.ReadExactly(header);
        if (BinaryPrimitives.ReadInt32BigEndian(header) != ImagesMagic)
        {
            throw new InvalidDataException($"{path}: not an IDX image file (magic number).");
        }

        var count = BinaryPrimitives.ReadInt32BigEndian(header[4..]);
        var rows = BinaryPrimitives.ReadInt32BigEndian(header[8..]);
        var columns = BinaryPrimitives.ReadInt32BigEndian(header[12..]);
        var pixels = new byte[(long)count * rows * columns];
        gzip.ReadExactly(pixels);

        using var raw = tensor(pixels, [count, rows * columns]);
        // (N, 784) uint8
        using var asFloat = raw.to_type(ScalarType.Float32);
        return asFloat.div(127.5).sub_(1.0);
        // (N, 784) in [-1, 1]
    }
}

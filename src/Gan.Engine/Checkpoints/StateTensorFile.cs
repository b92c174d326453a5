using System.Text;
using Gan.Abstractions;
using static TorchSharp.torch;

namespace Gan.Engine.Checkpoints;

/// <summary>
/// The tensors of the components' saved state, by name, in one file of a checkpoint. A small format of our own:
/// TorchSharp saves only modules and single tensors of known shape, and TorchSharp.PyBridge keeps its safetensors
/// reader internal. Layout: magic, count, then per tensor its name, dtype, shape and raw little-endian bytes.
/// </summary>
internal static class StateTensorFile
{
    public const string FileName = "component-state.bin";
    private const string Magic = "GANSTATE1";

    public static void Write(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(tensors.Count);
        foreach (var (name, tensor) in tensors)
        {
            using var contiguous = tensor.contiguous();
            writer.Write(name);
            writer.Write((int)contiguous.dtype);
            writer.Write(contiguous.shape.Length);
            foreach (var size in contiguous.shape)
            {
                writer.Write(size);
            }

            var bytes = contiguous.bytes;
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
    }

    /// <summary>Reads the file; the caller owns the tensors.</summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException("not a component-state file");
            }

            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                var dtype = (ScalarType)reader.ReadInt32();
                var shape = new long[reader.ReadInt32()];
                for (var d = 0; d < shape.Length; d++)
                {
                    shape[d] = reader.ReadInt64();
                }

                var bytes = reader.ReadBytes(reader.ReadInt32());
                var tensor = empty(shape, dtype).DetachFromDisposeScope();
                tensor.bytes = bytes;
                tensors[name] = tensor;
            }

            return tensors;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException)
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }

            throw new GanInputException($"Cannot resume: {path} is damaged or incomplete ({ex.Message}).", ex);
        }
    }
}

using Gan.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Engine.Interchange;

/// <summary>
/// Reads weights written under a network's former parameter names (<see cref="ILegacyParameterNames"/>): the keys of
/// PyTorch/safetensors state dicts, checkpoint manifests and TorchSharp files are mapped to the current names. For
/// any other network every call is the plain one.
/// </summary>
public static class LegacyParameterNames
{
    /// <summary><paramref name="saved"/> keyed by the network's current names.</summary>
    public static IReadOnlyDictionary<string, T> Rename<T>(nn.Module module, IReadOnlyDictionary<string, T> saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        if (module is not ILegacyParameterNames names)
        {
            return saved;
        }

        var renamed = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (key, value) in saved)
        {
            var current = names.CurrentName(key);
            if (!renamed.TryAdd(current, value))
            {
                throw new GanInputException($"The file holds both '{current}' and a former name of it ('{key}').");
            }
        }

        return renamed;
    }

    /// <summary>
    /// Loads a TorchSharp-format stream (<c>module.save</c>) into <paramref name="module"/>, every key required. TorchSharp's
    /// own <c>load</c> matches names as written, so a network with former names is read entry by entry here instead.
    /// </summary>
    public static void Load(nn.Module module, BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(reader);
        if (module is not ILegacyParameterNames names)
        {
            module.load(reader, strict: true);
            return;
        }

        using var noGrad = no_grad();
        var own = module.state_dict();
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        var count = DecodeCount(reader);
        for (long i = 0; i < count; i++)
        {
            using var entry = NewDisposeScope(); // whatever TorchSharp's record reader allocates per tensor
            var key = names.CurrentName(reader.ReadString());
            if (!own.TryGetValue(key, out var target))
            {
                throw new ArgumentException($"Unexpected key '{key}' in the file.");
            }

            target.Load(reader); // TorchSharp's tensor record: checks dtype and shape, copies in place
            loaded.Add(key);
        }

        if (own.Keys.FirstOrDefault(k => !loaded.Contains(k)) is { } missing)
        {
            throw new ArgumentException($"Key '{missing}' of the network is missing from the file.");
        }
    }

    /// <summary>Loads the TorchSharp-format file at <paramref name="path"/>; see <see cref="Load(nn.Module, BinaryReader)"/>.</summary>
    public static void Load(nn.Module module, string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        Load(module, reader);
    }

    // TorchSharp writes the entry count as an unsigned LEB128 varint.
    private static long DecodeCount(BinaryReader reader)
    {
        long value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}

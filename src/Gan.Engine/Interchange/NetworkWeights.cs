using System.Buffers.Binary;
using System.Collections;
using Gan.Abstractions;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Gan.Engine.Interchange;

/// <summary>
/// Network weights in and out of the formats the ecosystem uses: PyTorch state_dict files and safetensors (through
/// TorchSharp.PyBridge), and TorchSharp's own format. A network's state_dict uses the parameter names of the reference
/// code it follows, so a file written by that code loads without a mapping table.
/// </summary>
public static class NetworkWeights
{
    /// <summary>File name extension of a format: <c>.safetensors</c>, <c>.pth</c>, <c>.tsmodel</c>.</summary>
    public static string Extension(WeightFormat format) => format switch
    {
        WeightFormat.Safetensors => ".safetensors",
        WeightFormat.PyTorch => ".pth",
        _ => TorchSharpExtension,
    };

    /// <summary>Extension of TorchSharp's own format, which does not pretend PyTorch can read it (formerly <c>.pt</c>).</summary>
    public const string TorchSharpExtension = ".tsmodel";

    /// <summary>Writes <paramref name="module"/>'s state_dict (parameters and buffers) to <paramref name="path"/>.</summary>
    public static void Save(nn.Module module, string path, WeightFormat format)
    {
        switch (format)
        {
            case WeightFormat.Safetensors:
                module.save_safetensors(path);
                break;
            case WeightFormat.PyTorch:
                module.save_py(path);
                break;
            default:
                module.save(path);
                break;
        }
    }

    /// <summary>
    /// The format of the file at <paramref name="path"/>, from its first bytes: a zip or pickle is PyTorch's, a
    /// little-endian header length followed by <c>{</c> is safetensors, anything else TorchSharp's.
    /// </summary>
    public static WeightFormat Detect(string path)
    {
        Span<byte> head = stackalloc byte[9];
        using (var stream = File.OpenRead(path))
        {
            head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        }

        if (head.Length >= 2 && (head[..2].SequenceEqual("PK"u8) || head[0] == 0x80))
        {
            return WeightFormat.PyTorch;
        }

        return head.Length == 9 && head[8] == (byte)'{' && BinaryPrimitives.ReadUInt64LittleEndian(head) < (ulong)new FileInfo(path).Length
            ? WeightFormat.Safetensors
            : WeightFormat.TorchSharp;
    }

    /// <summary>
    /// Loads the weights in <paramref name="path"/> (any of the formats) into <paramref name="module"/>. Every name and
    /// shape must match: the error names the first missing, unexpected or mis-shaped key, and <paramref name="what"/>
    /// (e.g. <c>model.generator.init_from</c>).
    /// </summary>
    public static void LoadInto(nn.Module module, string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new GanInputException($"{what}: {path} does not exist.");
        }

        var format = Detect(path);
        if (format == WeightFormat.TorchSharp)
        {
            LoadTorchSharp(module, path, what);
            return;
        }

        var stateDict = ReadStateDict(path, format, what);
        try
        {
            CopyInto(module, stateDict, $"{what}: {path}");
        }
        finally
        {
            foreach (var tensor in stateDict.Values)
            {
                tensor.Dispose();
            }
        }
    }

    /// <summary>The tensors of a PyTorch or safetensors file by name.</summary>
    public static Dictionary<string, Tensor> ReadStateDict(string path, WeightFormat format, string what)
    {
        try
        {
            if (format == WeightFormat.Safetensors)
            {
                return Safetensors.LoadStateDict(path).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            }

            var table = PyTorchUnpickler.UnpickleStateDict(path);
            return table.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (Tensor)e.Value!, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is not GanInputException and not OutOfMemoryException)
        {
            throw new GanInputException($"{what}: {path} is not a readable {(format == WeightFormat.Safetensors ? "safetensors" : "PyTorch state_dict")} file ({ex.Message}).");
        }
    }

    /// <summary>Copies <paramref name="stateDict"/> into the module's parameters and buffers after checking every name and shape.</summary>
    public static void CopyInto(nn.Module module, IReadOnlyDictionary<string, Tensor> stateDict, string what)
    {
        stateDict = LegacyParameterNames.Rename(module, stateDict); // files written under a network's former names
        // The network's keys in its own order: the first one that is absent or shaped differently is the one reported.
        var own = module.state_dict();
        foreach (var (name, target) in own)
        {
            if (!stateDict.TryGetValue(name, out var source))
            {
                throw new GanInputException($"{what}: key '{name}' of the network is missing from the file (it has {Describe(stateDict.Keys)}).");
            }

            if (!source.shape.SequenceEqual(target.shape))
            {
                throw new GanInputException(
                    $"{what}: key '{name}' has shape [{string.Join(", ", source.shape)}] in the file but [{string.Join(", ", target.shape)}] in the network " +
                    "(different network options, e.g. widths or block counts?).");
            }
        }

        if (stateDict.Keys.FirstOrDefault(k => !own.ContainsKey(k)) is { } unexpected)
        {
            throw new GanInputException($"{what}: unexpected key '{unexpected}' in the file; the network's keys are {Describe(own.Keys)}.");
        }

        using var noGrad = no_grad();
        foreach (var (name, target) in own)
        {
            target.copy_(stateDict[name]); // converts dtype and device
        }
    }

    private static void LoadTorchSharp(nn.Module module, string path, string what)
    {
        try
        {
            LegacyParameterNames.Load(module, path); // hook: module.load(path, strict: true) with former names mapped
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or EndOfStreamException or NotImplementedException)
        {
            throw new GanInputException($"{what}: {path} does not fit this network ({ex.Message}). A file of this project must come from the same network type and options.");
        }
    }

    private static string Describe(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        return list.Count <= 6 ? string.Join(", ", list) : $"{string.Join(", ", list.Take(6))}, … ({list.Count} keys)";
    }
}

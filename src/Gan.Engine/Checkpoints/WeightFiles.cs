using Gan.Engine.Interchange;

namespace Gan.Engine.Checkpoints;

/// <summary>
/// Names of network weight files in checkpoint folders: <c>&lt;instance&gt;.tsmodel</c>, TorchSharp's own format. Files
/// written before were named <c>.pt</c>, as if PyTorch could load them (it cannot); they are still found and loaded.
/// Folders written by <c>gan export</c> hold <c>.safetensors</c> or <c>.pth</c> files instead, found last.
/// </summary>
internal static class WeightFiles
{
    /// <summary>The extension of checkpoints written before <see cref="NetworkWeights.TorchSharpExtension"/>.</summary>
    public const string LegacyExtension = ".pt";

    /// <summary>The extensions looked for, in order of preference.</summary>
    private static readonly string[] Extensions =
        [NetworkWeights.TorchSharpExtension, LegacyExtension, NetworkWeights.Extension(WeightFormat.Safetensors), NetworkWeights.Extension(WeightFormat.PyTorch)];

    /// <summary>The file name of <paramref name="instance"/>'s weights.</summary>
    public static string FileName(string instance) => instance + NetworkWeights.TorchSharpExtension;

    /// <summary>The path of <paramref name="instance"/>'s weights in <paramref name="folder"/>, in either naming; null when absent.</summary>
    public static string? Find(string folder, string instance) =>
        Extensions.Select(extension => Path.Combine(folder, instance + extension)).FirstOrDefault(File.Exists);

    /// <summary>The weight files in <paramref name="folder"/>, by instance name (the current naming wins over the legacy one).</summary>
    public static IReadOnlyDictionary<string, string> In(string folder) =>
        Extensions.SelectMany(extension => Directory.GetFiles(folder, "*" + extension))
            .GroupBy(Path.GetFileNameWithoutExtension, StringComparer.Ordinal)
            .ToDictionary(g => g.Key!, g => g.First(), StringComparer.Ordinal);
}

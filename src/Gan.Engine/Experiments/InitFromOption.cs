using Gan.Configuration;
using YamlDotNet.RepresentationModel;

namespace Gan.Engine.Experiments;

/// <summary>
/// <c>init_from: PATH</c> in any <c>model.&lt;role&gt;</c> section: the network starts from those weights (a PyTorch
/// state_dict, a safetensors file or a file of this project). The engine handles it for every network, so the key is
/// taken out before the plugin's options are bound. A relative path is relative to the experiment file's folder.
/// </summary>
internal static class InitFromOption
{
    public const string Key = "init_from";

    /// <summary>The section without <c>init_from</c>, and the absolute path it named (null without one).</summary>
    public static (YamlNode Section, string? Path) Take(YamlNode section, string role, BindingContext context, string baseFolder)
    {
        if (section is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(Key), out var value))
        {
            return (section, null);
        }

        var rest = new YamlMappingNode(mapping.Children.Where(kv => kv.Key is not YamlScalarNode { Value: Key }));
        if (value is not YamlScalarNode { Value: { Length: > 0 } text } || text is "null" or "~")
        {
            context.AddError(value, $"model.{role}.{Key}: expected the path of a weights file (.pth, .pt, .safetensors, or this project's .tsmodel).");
            return (rest, null);
        }

        var path = System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(text) ? text : System.IO.Path.Combine(baseFolder, text));
        if (!File.Exists(path))
        {
            context.AddError(value, $"model.{role}.{Key}: {path} does not exist.");
        }

        return (rest, path);
    }
}

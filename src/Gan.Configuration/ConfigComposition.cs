using YamlDotNet.RepresentationModel;

namespace Gan.Configuration;

/// <summary>
/// Composes an experiment file with the files its <c>extends:</c> names (a path or a list of paths, relative to the
/// file naming them; bases may extend others). Bases are merged in order, then the file itself: mappings merge key
/// by key, anything else (a list, a scalar, a mapping meeting a non-mapping) is replaced whole, and a key written
/// <c>~name:</c> (no value) deletes <c>name</c> from what the bases set. Every node keeps the file, line and column
/// it was written at.
/// </summary>
internal static class ConfigComposition
{
    private const string ExtendsKey = "extends";
    private const string DeletePrefix = "~";

    /// <summary>Loads <paramref name="path"/> composed with its bases; <paramref name="chain"/> is the files extending it.</summary>
    public static ConfigDocument Load(string path, IReadOnlyList<string> chain)
    {
        var file = ConfigDocument.LoadFile(path);
        var extendsKey = ConfigOverrides.FindKey(file.Root, ExtendsKey);
        if (extendsKey is null)
        {
            return file;
        }

        var errors = new List<ConfigurationError>();
        var composed = ConfigDocument.FromRoot(new YamlMappingNode(), path);
        composed.RecordLocation(composed.Root, file.GetLocation(file.Root));
        foreach (var entry in Entries(file, file.Root.Children[extendsKey], errors))
        {
            if (Base(path, chain, file, entry, errors) is { } based)
            {
                Merge(composed, composed.Root, based, based.Root, errors);
            }
        }

        file.Root.Children.Remove(extendsKey);
        Merge(composed, composed.Root, file, file.Root, errors);
        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }

        return composed;
    }

    // The extends entries: one path, or a list of paths.
    private static List<YamlScalarNode> Entries(ConfigDocument file, YamlNode value, List<ConfigurationError> errors)
    {
        IEnumerable<YamlNode> entries = value is YamlSequenceNode list ? list.Children : [value];
        var paths = new List<YamlScalarNode>();
        foreach (var entry in entries)
        {
            if (entry is YamlScalarNode { Value.Length: > 0 } scalar && !NodeText.IsNull(scalar))
            {
                paths.Add(scalar);
            }
            else
            {
                errors.Add(new ConfigurationError(file.GetLocation(entry),
                    $"extends takes a file path or a list of file paths (extends: base.yaml), got {NodeText.Describe(entry)}"));
            }
        }

        return paths;
    }

    private static ConfigDocument? Base(
        string path, IReadOnlyList<string> chain, ConfigDocument file, YamlScalarNode entry, List<ConfigurationError> errors)
    {
        var combined = Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, entry.Value!);
        // Named as the user would name it: relative to the working folder when the experiment path was relative.
        var basePath = Path.IsPathRooted(combined)
            ? Path.GetFullPath(combined)
            : Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(combined));
        var location = file.GetLocation(entry);
        if (!File.Exists(basePath))
        {
            errors.Add(new ConfigurationError(location, $"base file '{entry.Value}' not found (looked for {Path.GetFullPath(basePath)})"));
            return null;
        }

        var extending = chain.Append(path).ToList();
        if (extending.Any(p => Path.GetFullPath(p) == Path.GetFullPath(basePath)))
        {
            errors.Add(new ConfigurationError(location, $"extends forms a cycle: {string.Join(" -> ", extending.Append(basePath))}"));
            return null;
        }

        return Load(basePath, extending);
    }

    // Merges source's mapping into target (a mapping of the composed document), adopting the nodes it takes.
    private static void Merge(
        ConfigDocument composed, YamlMappingNode target, ConfigDocument source, YamlMappingNode from, List<ConfigurationError> errors)
    {
        foreach (var (key, value) in from.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (name.Length > DeletePrefix.Length && name.StartsWith(DeletePrefix, StringComparison.Ordinal))
            {
                Delete(target, name[DeletePrefix.Length..], key, value, source, errors);
                continue;
            }

            var existing = ConfigOverrides.FindKey(target, name);
            if (existing is not null && target.Children[existing] is YamlMappingNode into && value is YamlMappingNode mapping)
            {
                // The section is now (also) written here: point at the later file's section.
                composed.RecordLocation(into, source.GetLocation(mapping));
                Merge(composed, into, source, mapping, errors);
                continue;
            }

            var taken = value;
            if (value is YamlMappingNode whole)
            {
                // Taken whole, but still read for ~keys, which here have nothing to delete.
                taken = new YamlMappingNode();
                composed.RecordLocation(taken, source.GetLocation(whole));
                Merge(composed, (YamlMappingNode)taken, source, whole, errors);
            }
            else
            {
                composed.Adopt(source, value);
            }

            if (existing is null)
            {
                composed.Adopt(source, key);
                target.Children.Add(key, taken);
            }
            else
            {
                target.Children[existing] = taken;
            }
        }
    }

    private static void Delete(
        YamlMappingNode target, string name, YamlNode key, YamlNode value, ConfigDocument source, List<ConfigurationError> errors)
    {
        if (value is not YamlScalarNode scalar || !NodeText.IsNull(scalar))
        {
            errors.Add(new ConfigurationError(source.GetLocation(key),
                $"'{DeletePrefix}{name}' deletes '{name}' and takes no value; write '{DeletePrefix}{name}:' alone"));
        }
        else if (ConfigOverrides.FindKey(target, name) is { } existing)
        {
            target.Children.Remove(existing);
        }
        else
        {
            errors.Add(new ConfigurationError(source.GetLocation(key),
                $"'{DeletePrefix}{name}' deletes nothing: no base file sets '{name}' here"));
        }
    }
}

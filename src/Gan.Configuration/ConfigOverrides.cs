using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gan.Configuration;

/// <summary>
/// Applies command-line overrides (<c>--set model.generator.hidden=512</c>) to a parsed document before binding.
/// Nodes added this way are located at their <c>--set #N (text)</c> origin, so a type error in an override
/// names the override rather than a line of the file.
/// </summary>
public static class ConfigOverrides
{
    /// <summary>
    /// Applies each <c>a.b.c=value</c> in order. Path segments are mapping keys, or indices into sequences
    /// (<c>stages.0.epochs=1</c>); missing mappings on the way are created. The value is read as YAML, so
    /// <c>[0.5, 0.999]</c>, <c>{a: 1}</c>, <c>true</c>, <c>2e-4</c>, <c>null</c> and quoted strings work.
    /// </summary>
    /// <exception cref="ConfigurationException">Any assignment is malformed; all such problems are reported together.</exception>
    public static void Apply(ConfigDocument document, IReadOnlyList<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(assignments);

        var errors = new List<ConfigurationError>();
        for (var i = 0; i < assignments.Count; i++)
        {
            var origin = new SourceLocation($"--set #{i + 1} ({assignments[i]})", 0, 0);
            if (ApplyOne(document, assignments[i], origin) is { } problem)
            {
                errors.Add(new ConfigurationError(origin, problem));
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }
    }

    // Returns the problem, or null when the assignment was applied.
    private static string? ApplyOne(ConfigDocument document, string assignment, SourceLocation origin)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return "expected key=value, e.g. --set data.batch_size=128";
        }

        var path = assignment[..equals].Trim();
        if (path.Length == 0)
        {
            return "the key before '=' is empty";
        }

        var segments = path.Split('.');
        if (segments.Any(s => s.Trim().Length == 0))
        {
            return $"the key '{path}' has an empty segment; write dotted keys like model.generator.latent_dim";
        }

        var value = ParseValue(assignment[(equals + 1)..], out var parseProblem);
        if (value is null)
        {
            return parseProblem;
        }

        document.RecordOrigin(value, origin);

        YamlNode current = document.Root;
        var walked = string.Empty;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i].Trim();
            var last = i == segments.Length - 1;
            switch (current)
            {
                case YamlMappingNode mapping:
                {
                    var key = FindKey(mapping, segment);
                    if (last)
                    {
                        if (key is null)
                        {
                            key = NewKey(document, segment, origin);
                        }

                        mapping.Children[key] = value;
                        return null;
                    }

                    if (key is null || mapping.Children[key] is YamlScalarNode nullValue && NodeText.IsNull(nullValue))
                    {
                        // Absent or empty ("generator:" with nothing under it): make room for the nested key.
                        key ??= NewKey(document, segment, origin);
                        var created = new YamlMappingNode();
                        document.RecordOrigin(created, origin);
                        mapping.Children[key] = created;
                    }

                    current = mapping.Children[key];
                    break;
                }

                case YamlSequenceNode sequence:
                {
                    if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        return $"{NodeText.Where(walked)} is a list; '{segment}' is not an index (use {NodeText.Join(walked, "0")}, {NodeText.Join(walked, "1")}, ...)";
                    }

                    if (index >= sequence.Children.Count)
                    {
                        return $"index {index} is out of range for {walked}, which has {sequence.Children.Count} item(s)";
                    }

                    if (last)
                    {
                        sequence.Children[index] = value;
                        return null;
                    }

                    current = sequence.Children[index];
                    break;
                }

                default:
                    return $"cannot set {path}: {walked} is {NodeText.Describe(current)}, not a mapping or list";
            }

            walked = NodeText.Join(walked, segment);
        }

        return null;
    }

    /// <summary>The key of <paramref name="mapping"/> spelled <paramref name="segment"/>, or spelled as the binder reads it.</summary>
    internal static YamlNode? FindKey(YamlMappingNode mapping, string segment)
    {
        foreach (var key in mapping.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } text } && string.Equals(text, segment, StringComparison.Ordinal))
            {
                return key;
            }
        }

        // The binder treats batchSize and batch_size as one key; replace the file's spelling rather than
        // adding a second spelling that would then be reported as a duplicate.
        var normalized = OptionNaming.Normalize(segment);
        foreach (var key in mapping.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } text } && OptionNaming.Normalize(text) == normalized)
            {
                return key;
            }
        }

        return null;
    }

    private static YamlScalarNode NewKey(ConfigDocument document, string segment, SourceLocation origin)
    {
        var key = new YamlScalarNode(segment);
        document.RecordOrigin(key, origin);
        return key;
    }

    private static YamlNode? ParseValue(string text, out string? problem)
    {
        problem = null;
        if (!YamlParsing.TryLoad(text, out var stream, out _, out _, out var message))
        {
            problem = $"the value is not valid YAML ({message}); quote it if it is a string";
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlScalarNode(string.Empty) { Style = ScalarStyle.Plain };
        }

        if (stream.Documents.Count > 1)
        {
            problem = "the value holds more than one YAML document; quote it if it is a string";
            return null;
        }

        return stream.Documents[0].RootNode;
    }
}

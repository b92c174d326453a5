using System.Collections;
using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Gan.Configuration;

/// <summary>
/// The reverse of <see cref="ConfigBinder"/>: turns the resolved experiment back into YAML (saved as a run
/// artifact) and into flat <c>key = value</c> pairs (logged as run parameters). Numbers are written so
/// they read back to the same value.
/// </summary>
public static class ConfigWriter
{
    /// <summary>
    /// A YAML tree for <paramref name="value"/>: options classes become mappings with every property
    /// (defaults included) under its YAML key, lists sequences, dictionaries mappings, enums their snake_case
    /// name, <see cref="YamlNode"/> values a copy.
    /// </summary>
    public static YamlNode ToYaml(object? value)
    {
        switch (value)
        {
            case null:
                return Plain("null");
            case YamlNode node:
                return Clone(node);
            case string text:
                return StringNode(text);
            case bool flag:
                return Plain(flag ? "true" : "false");
            case double number:
                return Plain(ScalarFormat.FormatDouble(number));
            case float number:
                return Plain(ScalarFormat.FormatFloat(number));
            case decimal number:
                return Plain(number.ToString(CultureInfo.InvariantCulture));
            case Enum member:
                return Plain(OptionTypes.EnumKey(member));
            case IConvertible when OptionTypes.IsInteger(value.GetType()):
                return Plain(Convert.ToString(value, CultureInfo.InvariantCulture)!);
            case IDictionary dictionary:
            {
                var mapping = new YamlMappingNode();
                foreach (DictionaryEntry entry in dictionary)
                {
                    mapping.Add(StringNode(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty), ToYaml(entry.Value));
                }

                return mapping;
            }

            case IEnumerable items:
            {
                var sequence = new YamlSequenceNode();
                foreach (var item in items)
                {
                    sequence.Add(ToYaml(item));
                }

                return sequence;
            }

            default:
            {
                var mapping = new YamlMappingNode();
                foreach (var property in OptionTypes.GetProperties(value.GetType()))
                {
                    mapping.Add(new YamlScalarNode(property.Key), ToYaml(property.Info.GetValue(value)));
                }

                return mapping;
            }
        }
    }

    /// <summary>
    /// Readable block-style YAML: nested mappings indented, lists of scalars on one line
    /// (<c>hidden_sizes: [256, 512]</c>), lists of mappings as blocks.
    /// </summary>
    public static string Serialize(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var styled = Clone(node, restyle: true);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(styled)).Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // The emitter closes the document with "..." (explicit end marker); a single-document file reads better without it.
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();
        if (lines.Count > 0 && lines[^1] == "...")
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// Flat pairs for run parameters: <c>data.batch_size = 64</c>; lists of scalars as one value
    /// (<c>[256, 512, 1024]</c>); lists holding mappings by index (<c>stages.0.epochs</c>); nulls skipped.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> Flatten(YamlNode node, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(prefix);
        var pairs = new List<KeyValuePair<string, string>>();
        FlattenInto(node, prefix, pairs);
        return pairs;
    }

    /// <summary>One-line YAML flow text: <c>[256, 512]</c>, <c>{a: 1}</c>, <c>0.0002</c>, <c>null</c>.</summary>
    internal static string ToFlowText(YamlNode node)
    {
        var builder = new StringBuilder();
        AppendFlow(builder, node);
        return builder.ToString();
    }

    private static void FlattenInto(YamlNode node, string key, List<KeyValuePair<string, string>> pairs)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                if (!NodeText.IsNull(scalar))
                {
                    pairs.Add(new(key, scalar.Value ?? string.Empty));
                }

                break;
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                pairs.Add(new(key, ToFlowText(sequence)));
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    FlattenInto(sequence.Children[i], NodeText.Join(key, i.ToString(CultureInfo.InvariantCulture)), pairs);
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (childKey, value) in mapping.Children)
                {
                    FlattenInto(value, NodeText.Join(key, childKey is YamlScalarNode s ? s.Value ?? string.Empty : ToFlowText(childKey)), pairs);
                }

                break;
        }
    }

    private static void AppendFlow(StringBuilder builder, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                builder.Append(FlowScalar(scalar));
                break;
            case YamlSequenceNode sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    AppendFlow(builder, sequence.Children[i]);
                }

                builder.Append(']');
                break;
            case YamlMappingNode mapping:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in mapping.Children)
                {
                    builder.Append(first ? string.Empty : ", ");
                    AppendFlow(builder, key);
                    builder.Append(": ");
                    AppendFlow(builder, value);
                    first = false;
                }

                builder.Append('}');
                break;
        }
    }

    private static string FlowScalar(YamlScalarNode scalar)
    {
        if (NodeText.IsNull(scalar))
        {
            return "null";
        }

        var value = scalar.Value ?? string.Empty;
        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded
            || (scalar.Style != ScalarStyle.Plain && ScalarFormat.NeedsQuotes(value))
            || value.IndexOfAny([',', '[', ']', '{', '}', '#', '"', '\'', '\n', '&', '*', '!', '|', '>', '%', '@', '`']) >= 0
            || value.Contains(": ", StringComparison.Ordinal)
            || value.EndsWith(':');
        if (!quoted)
        {
            return value;
        }

        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
        return $"\"{escaped}\"";
    }

    private static YamlScalarNode Plain(string text) => new(text) { Style = ScalarStyle.Plain };

    private static YamlScalarNode StringNode(string text) =>
        new(text) { Style = ScalarFormat.NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };

    // restyle: lists of scalars in flow style, everything else in block style, for Serialize's readable output.
    private static YamlNode Clone(YamlNode node, bool restyle = false)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return new YamlScalarNode(scalar.Value) { Style = scalar.Style, Tag = scalar.Tag };
            case YamlSequenceNode sequence:
            {
                var copy = new YamlSequenceNode(sequence.Children.Select(c => Clone(c, restyle))) { Style = sequence.Style, Tag = sequence.Tag };
                if (restyle)
                {
                    copy.Style = sequence.Children.Count == 0 || sequence.Children.All(c => c is YamlScalarNode)
                        ? SequenceStyle.Flow
                        : SequenceStyle.Block;
                }

                return copy;
            }

            case YamlMappingNode mapping:
            {
                var copy = new YamlMappingNode { Style = mapping.Style, Tag = mapping.Tag };
                foreach (var (key, value) in mapping.Children)
                {
                    copy.Add(Clone(key, restyle), Clone(value, restyle));
                }

                if (restyle)
                {
                    copy.Style = mapping.Children.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
                }

                return copy;
            }

            default:
                throw new NotSupportedException($"Cannot copy a {node.GetType().Name}.");
        }
    }
}

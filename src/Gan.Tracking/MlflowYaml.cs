using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Gan.Tracking;

/// <summary>
/// The flat <c>meta.yaml</c> files of MLflow's file store. Writing is hand-rolled so the output matches what
/// PyYAML's <c>safe_dump(default_flow_style=False, allow_unicode=True)</c> produces for these simple mappings
/// (plain scalars where PyYAML would use them, else single quotes); reading uses YamlDotNet, so files MLflow
/// itself wrote (folded lines, double quotes) read correctly too.
/// </summary>
internal static partial class MlflowYaml
{
    /// <summary>Renders one scalar value as PyYAML would in block style.</summary>
    public static string Scalar(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (value.Length == 0)
        {
            return "''";
        }

        if (value.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF'))
        {
            return DoubleQuoted(value);
        }

        return IsPlainSafe(value) ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Renders an integer scalar, or <c>null</c>.</summary>
    public static string Scalar(long? value) =>
        value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    /// <summary>Reads a flat mapping: scalar values as strings (YAML nulls as null); sequences and maps are skipped.</summary>
    public static Dictionary<string, string?> ReadMapping(string path) => ReadMapping(path, nested: null);

    /// <summary>Reads the mapping under key <paramref name="nested"/> of the root mapping (as <see cref="ReadMapping(string)"/>).</summary>
    public static Dictionary<string, string?> ReadMapping(string path, string? nested)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var stream = new YamlStream();
        stream.Load(reader);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return result;
        }

        var mapping = root;
        if (nested is not null)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(nested), out var child) || child is not YamlMappingNode inner)
            {
                return result;
            }

            mapping = inner;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } key } && valueNode is YamlScalarNode scalar)
            {
                var isNull = scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any
                    && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
                result[key] = isNull ? null : scalar.Value;
            }
        }

        return result;
    }

    private static bool IsPlainSafe(string value)
    {
        if (value[0] == ' ' || value[^1] == ' ' || value[^1] == ':')
        {
            return false;
        }

        // Indicator characters PyYAML refuses at the start of a plain scalar.
        if ("#,[]{}&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal))
        {
            return false;
        }

        if (value[0] is '-' or '?' or ':' && (value.Length == 1 || value[1] == ' '))
        {
            return false;
        }

        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }

        // A plain scalar that PyYAML's implicit resolvers would read as another type must be quoted.
        return !ImplicitType().IsMatch(value);
    }

    private static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder("\"", value.Length + 8);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    // PyYAML's resolver patterns (bool, int, float, null, timestamp, merge, value).
    [GeneratedRegex("""
        ^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
        |~|null|Null|NULL
        |[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
        |[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
        |[0-9]{4}-[0-9]{2}-[0-9]{2}
        |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[\ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[\ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?
        |<<|=)$
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex ImplicitType();
}

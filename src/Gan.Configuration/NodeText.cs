using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gan.Configuration;

/// <summary>How nodes read in messages, and which scalars mean null.</summary>
internal static class NodeText
{
    private const int MaxPreview = 40;

    /// <summary>A plain (unquoted) empty, <c>~</c> or <c>null</c> scalar: YAML's null.</summary>
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary><c>a scalar 'abc'</c>, <c>null</c>, <c>a sequence</c> or <c>a mapping</c>.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar when IsNull(scalar) => "null",
        YamlScalarNode scalar => $"a scalar {Quote(scalar.Value)}",
        YamlSequenceNode => "a sequence",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };

    /// <summary>Like <see cref="Describe"/> but a scalar is just quoted: <c>got 'sixty'</c>.</summary>
    public static string DescribeValue(YamlNode node) =>
        node is YamlScalarNode scalar && !IsNull(scalar) ? Quote(scalar.Value) : Describe(node);

    /// <summary>The value in single quotes, shortened when long.</summary>
    public static string Quote(string? value)
    {
        value ??= string.Empty;
        if (value.Length > MaxPreview)
        {
            value = string.Concat(value.AsSpan(0, MaxPreview), "...");
        }

        return $"'{value}'";
    }

    /// <summary>The dotted path of a child: <c>model</c> + <c>generator</c> → <c>model.generator</c>.</summary>
    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>How a path reads after "in": the path, or "the top level" for the root.</summary>
    public static string Where(string path) => path.Length == 0 ? "the top level" : path;
}

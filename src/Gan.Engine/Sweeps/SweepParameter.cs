using System.Globalization;
using Gan.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Gan.Engine.Sweeps;

/// <summary>One swept key: either a list of values (as --set text) or a numeric range for random search.</summary>
public sealed record SweepParameter(string Key, IReadOnlyList<string> Values, double? Min = null, double? Max = null, bool Log = false, bool Integer = false)
{
    /// <summary>A range rather than a list.</summary>
    public bool IsRange => Min is not null;

    /// <summary>
    /// Reads <c>sweep.parameters.KEY</c>: a sequence, a single scalar, a {min, max, log, integer} mapping, or the named
    /// distributions <c>{uniform: [low, high]}</c> and <c>{log_uniform: [low, high]}</c> (as Optuna and Ray Tune call them).
    /// </summary>
    public static SweepParameter FromYaml(string key, YamlNode node, string source)
    {
        switch (node)
        {
            case YamlSequenceNode sequence when sequence.Children.Count > 0:
                return new SweepParameter(key, sequence.Children.Select(ValueText).ToList());
            case YamlScalarNode scalar:
                return new SweepParameter(key, [ValueText(scalar)]);
            case YamlMappingNode mapping when Distribution(mapping) is { } named:
                return Range(key, source, named.Low, named.High, named.Log, Flag(mapping, "integer"));
            case YamlMappingNode mapping:
                var min = Number(mapping, "min", key, source);
                var max = Number(mapping, "max", key, source);
                return Range(key, source, min, max, Flag(mapping, "log"), Flag(mapping, "integer"));
            default:
                throw new GanInputException($"{source}: sweep.parameters.{key} must be a list of values or {{min, max}}; it is empty or {node.NodeType}.");
        }
    }

    private static SweepParameter Range(string key, string source, double? min, double? max, bool log, bool integer)
    {
        if (min is null || max is null || min > max || (log && min <= 0))
        {
            throw new GanInputException(
                $"{source}: sweep.parameters.{key} must have numbers min <= max (both > 0 for a log scale), e.g. " +
                "{min: 1e-5, max: 1e-3, log: true} or {log_uniform: [1e-5, 1e-3]}.");
        }

        return new SweepParameter(key, [], min, max, log, integer);
    }

    /// <summary><c>uniform: [low, high]</c> or <c>log_uniform: [low, high]</c>; null for other mappings.</summary>
    private static (double? Low, double? High, bool Log)? Distribution(YamlMappingNode mapping)
    {
        foreach (var (name, log) in (ReadOnlySpan<(string, bool)>)[("uniform", false), ("log_uniform", true)])
        {
            if (mapping.Children.TryGetValue(new YamlScalarNode(name), out var bounds))
            {
                var values = bounds is YamlSequenceNode { Children.Count: 2 } pair
                    ? pair.Children.Select(n => double.TryParse((n as YamlScalarNode)?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null).ToList()
                    : [null, null];
                return (values[0], values[1], log);
            }
        }

        return null;
    }

    /// <summary>Parses <c>--sweep key=a,b,c</c>; commas inside brackets or quotes do not split.</summary>
    public static SweepParameter FromCommandLine(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            throw new GanInputException($"--sweep {text}: expected key=value1,value2,... e.g. --sweep optimizers.default.lr=0.0002,0.001");
        }

        var values = new List<string>();
        var depth = 0;
        var quote = '\0';
        var start = equals + 1;
        for (var i = start; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ',';
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                values.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        return new SweepParameter(text[..equals].Trim(), values.Where(v => v.Length > 0).ToList());
    }

    private static string ValueText(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted
            ? "'" + (scalar.Value ?? "").Replace("'", "''", StringComparison.Ordinal) + "'"
            : scalar.Value ?? "null",
        YamlSequenceNode sequence => "[" + string.Join(", ", sequence.Children.Select(ValueText)) + "]",
        YamlMappingNode mapping => "{" + string.Join(", ", mapping.Children.Select(kv => $"{ValueText(kv.Key)}: {ValueText(kv.Value)}")) + "}",
        _ => "null",
    };

    private static double? Number(YamlMappingNode mapping, string name, string key, string source)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode(name), out var node))
        {
            return null;
        }

        return node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new GanInputException($"{source}: sweep.parameters.{key}.{name} must be a number.");
    }

    private static bool Flag(YamlMappingNode mapping, string name) =>
        mapping.Children.TryGetValue(new YamlScalarNode(name), out var node) && node is YamlScalarNode { Value: "true" or "True" or "yes" };
}

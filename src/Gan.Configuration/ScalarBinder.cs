using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Gan.Configuration;

/// <summary>Converts non-null scalars to strings, booleans, numbers and enums, reporting what was expected.</summary>
internal static class ScalarBinder
{
    /// <summary>Binds <paramref name="node"/> to <paramref name="type"/> (not nullable); null and an error on failure.</summary>
    public static object? Bind(Type type, YamlNode node, string path, BindingContext context)
    {
        if (node is not YamlScalarNode scalar)
        {
            context.AddError(node, $"expected {OptionTypes.Expected(type)} for {path}, got {NodeText.Describe(node)}");
            return null;
        }

        var text = scalar.Value ?? string.Empty;
        if (type == typeof(string))
        {
            return text;
        }

        if (type.IsEnum)
        {
            return BindEnum(type, scalar, text, path, context);
        }

        if (type == typeof(bool))
        {
            // YAML 1.2 booleans only; yes/no/on/off are YAML 1.1 and too easy to write by accident.
            if (bool.TryParse(text, out var flag))
            {
                return flag;
            }

            context.AddError(node, $"expected a boolean (true or false) for {path}, got {NodeText.Quote(text)}");
            return null;
        }

        if (OptionTypes.IsInteger(type))
        {
            return BindInteger(type, scalar, text, path, context);
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            if (!ScalarFormat.TryParseDouble(text, out var number))
            {
                context.AddError(node, $"expected a number for {path}, got {NodeText.Quote(text)}");
                return null;
            }

            if (type == typeof(double))
            {
                return number;
            }

            if (type == typeof(float))
            {
                return (float)number;
            }

            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
            {
                return exact;
            }

            context.AddError(node, $"{path} = {NodeText.Quote(text)} does not fit a decimal number");
            return null;
        }

        throw new NotSupportedException($"{type} is not a scalar option type.");
    }

    private static object? BindInteger(Type type, YamlScalarNode node, string text, string path, BindingContext context)
    {
        if (!ScalarFormat.TryParseLong(text, out var value))
        {
            var hint = ScalarFormat.TryParseDouble(text, out var number) && !double.IsNaN(number) ? " (a whole number is needed)" : string.Empty;
            context.AddError(node, $"expected an integer for {path}, got {NodeText.Quote(text)}{hint}");
            return null;
        }

        try
        {
            return Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            var min = type.GetField("MinValue")!.GetValue(null);
            var max = type.GetField("MaxValue")!.GetValue(null);
            context.AddError(node, $"{path} = {text} is out of range; it must be between {min} and {max}");
            return null;
        }
    }

    private static object? BindEnum(Type type, YamlScalarNode node, string text, string path, BindingContext context)
    {
        var values = OptionTypes.EnumValues(type);
        foreach (var (key, value) in values)
        {
            if (string.Equals(key, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        // As written in C# (CosineAnnealing), or any casing/separator variant of the snake_case key.
        var normalized = OptionNaming.Normalize(text);
        foreach (var (key, value) in values)
        {
            if (OptionNaming.Normalize(key) == normalized || OptionNaming.Normalize(value.ToString()!) == normalized)
            {
                return value;
            }
        }

        var keys = values.Select(v => v.Key).ToArray();
        var suggestion = StringSimilarity.ClosestMatch(text, keys);
        var didYouMean = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
        context.AddError(node, $"unknown value {NodeText.Quote(text)} for {path}.{didYouMean} Allowed values: {string.Join(", ", keys)}");
        return null;
    }
}

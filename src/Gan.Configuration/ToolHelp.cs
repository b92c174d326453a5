using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;

namespace Gan.Configuration;

/// <summary>
/// <c>gan NAME --help</c> for a command with typed options: usage, then one line per option with its type, its
/// description (as <c>gan plugins</c> shows options: [Description], else the doc comment) and its default.
/// </summary>
public static class ToolHelp
{
    /// <summary>The help text of the command <paramref name="commandName"/> whose options are <paramref name="optionsType"/>.</summary>
    public static string Format(Type optionsType, string commandName, string description, string? positionalOption)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        var described = OptionsSchema.Describe(optionsType);
        var properties = OptionTypes.GetProperties(optionsType);
        var positional = positionalOption is null ? null : ConfigBinder.FindProperty(properties, positionalOption);

        var rows = new List<(string Name, string Text)>();
        for (var i = 0; i < properties.Count; i++)
        {
            var (property, option) = (properties[i], described[i]);
            var required = property.Info.GetCustomAttribute<RequiredAttribute>() is not null;
            var text = option.Description ?? string.Empty;
            if (required)
            {
                text = Sentence(text, "Required.");
            }
            else if (option.DefaultValue is { } value && value != "null" && Underlying(property.Type) != typeof(bool))
            {
                text = Sentence(text, $"Default: {value}.");
            }

            var name = ToolArguments.OptionName(option.Key) + ValuePlaceholder(property.Type);
            rows.Add((property == positional ? $"{ToolArguments.Placeholder(option.Key)}, {name}" : name, text));
        }

        rows.Add(("-h, --help", "Show this help."));
        var width = rows.Max(r => r.Name.Length) + 2;
        var help = new StringBuilder()
            .AppendLine(description)
            .AppendLine()
            .Append($"Usage: gan {commandName}")
            .Append(positional is null ? string.Empty : $" {ToolArguments.Placeholder(positional.Key)}")
            .AppendLine(" [options]")
            .AppendLine()
            .AppendLine("Options:");
        foreach (var (name, text) in rows)
        {
            help.AppendLine($"  {name.PadRight(width)}{text}".TrimEnd());
        }

        return help.ToString();
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    // A flag takes no value; an enum lists its values; anything else names its type.
    private static string ValuePlaceholder(Type type)
    {
        type = Underlying(type);
        if (type == typeof(bool))
        {
            return string.Empty;
        }

        return type.IsEnum
            ? $" <{string.Join("|", OptionTypes.EnumValues(type).Select(v => v.Key))}>"
            : $" <{OptionTypes.Describe(type)}>";
    }

    private static string Sentence(string text, string addition) => text.Length == 0 ? addition : $"{text.TrimEnd()} {addition}";
}

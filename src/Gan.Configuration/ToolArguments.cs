using Gan.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gan.Configuration;

/// <summary>
/// Binds the arguments of a plugin command (<see cref="ITypedGanTool"/>) to its options class with
/// <see cref="ConfigBinder"/>: <c>--lambda-a 10</c> (or <c>--lambda-a=10</c>) is the key <c>lambda_a</c>, a bare
/// <c>--flag</c> sets a boolean, a bare argument sets the tool's positional option, and everything after <c>--</c>
/// is bare. So a command's options follow the experiment's rules: loose key matching, the same type and range
/// messages, "did you mean", and every problem reported at once.
/// </summary>
public static class ToolArguments
{
    /// <summary>The command-line spelling of an option key: <c>lambda_a</c> → <c>--lambda-a</c>.</summary>
    public static string OptionName(string key) => "--" + key.Replace('_', '-');

    /// <summary>
    /// Binds <paramref name="arguments"/> (those after the command's name) to a new <paramref name="optionsType"/>
    /// and validates it.
    /// </summary>
    /// <param name="optionsType">The options class.</param>
    /// <param name="commandName">The command, named in messages (<c>gan NAME: ...</c>).</param>
    /// <param name="positionalOption">The property a bare argument sets (C# or option name), or null.</param>
    /// <param name="arguments">The arguments that followed the command's name.</param>
    /// <exception cref="ConfigurationException">Any argument is wrong; every problem is listed, each located at <c>gan NAME</c>.</exception>
    public static object Bind(Type optionsType, string commandName, string? positionalOption, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        ArgumentNullException.ThrowIfNull(commandName);
        ArgumentNullException.ThrowIfNull(arguments);

        var context = new BindingContext { CommandName = commandName };
        var mapping = ToMapping(optionsType, commandName, positionalOption, arguments, context);
        var options = ConfigBinder.Bind(optionsType, mapping, "", context) ?? Activator.CreateInstance(optionsType)!;
        if (context.HasErrors)
        {
            var where = new SourceLocation($"gan {commandName}", 0, 0);
            throw new ConfigurationException(context.Errors.Select(e => e with { Location = e.Location ?? where }).ToArray());
        }

        return options;
    }

    private static YamlMappingNode ToMapping(Type optionsType, string commandName, string? positionalOption, IReadOnlyList<string> arguments, BindingContext context)
    {
        var properties = OptionTypes.GetProperties(optionsType);
        var positional = positionalOption is null ? null : ConfigBinder.FindProperty(properties, positionalOption)
            ?? throw new InvalidOperationException($"gan {commandName}: the positional option '{positionalOption}' is not a property of {optionsType}.");
        var mapping = new YamlMappingNode();
        var positionalGiven = false;
        var onlyBare = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (onlyBare || !argument.StartsWith("--", StringComparison.Ordinal) || argument.Length == 2)
            {
                if (!onlyBare && argument == "--")
                {
                    onlyBare = true;
                }
                else if (positional is null)
                {
                    context.AddError((SourceLocation?)null, $"unexpected argument {NodeText.Quote(argument)}: gan {commandName} takes options only (see gan {commandName} --help)");
                }
                else if (positionalGiven)
                {
                    context.AddError((SourceLocation?)null, $"unexpected argument {NodeText.Quote(argument)}: {Placeholder(positional.Key)} is given already");
                }
                else
                {
                    positionalGiven = true;
                    mapping.Add(positional.Key, Value(argument));
                }

                continue;
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? argument[2..] : argument[2..equals];
            var property = ConfigBinder.FindProperty(properties, name);
            string? value;
            if (equals >= 0)
            {
                value = argument[(equals + 1)..];
            }
            else if (property is not null && (Nullable.GetUnderlyingType(property.Type) ?? property.Type) == typeof(bool))
            {
                // A flag: true when bare; an explicit true or false may follow.
                value = i + 1 < arguments.Count && bool.TryParse(arguments[i + 1], out _) ? arguments[++i] : "true";
            }
            else if (i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = arguments[++i];
            }
            else if (property is null)
            {
                // Unknown and without a value: reported as unknown by the binder all the same.
                value = string.Empty;
            }
            else
            {
                context.AddError((SourceLocation?)null, $"{OptionName(property.Key)} needs a value");
                continue;
            }

            mapping.Add(new YamlScalarNode(name), Value(value));
        }

        return mapping;
    }

    /// <summary>How the help and messages show the positional option: <c>DIRECTORY</c>.</summary>
    internal static string Placeholder(string key) => key.ToUpperInvariant();

    // Quoted, so that a value such as "null" or "~" stays the text the user typed; numbers and booleans still bind from it.
    private static YamlScalarNode Value(string text) => new(text) { Style = ScalarStyle.DoubleQuoted };
}

using Gan.Abstractions;

namespace Gan.Plugins.CycleGan.Tools;

/// <summary>Parses a tool's <c>--name value</c> options and positional arguments (the host hands tools raw arguments).</summary>
internal sealed class ToolArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];
    private readonly string _tool;

    public ToolArguments(string tool, IReadOnlyList<string> arguments, IReadOnlyCollection<string> known)
    {
        _tool = tool;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                _positional.Add(argument);
                continue;
            }

            var name = argument[2..];
            if (!known.Contains(name))
            {
                throw new GanInputException($"gan {tool}: unknown option {argument}; known: {string.Join(", ", known.Select(k => "--" + k))}.");
            }

            if (i + 1 >= arguments.Count)
            {
                throw new GanInputException($"gan {tool}: option {argument} needs a value.");
            }

            _options[name] = arguments[++i];
        }
    }

    /// <summary>Arguments that are not options, in order.</summary>
    public IReadOnlyList<string> Positional => _positional;

    /// <summary>The value of --<paramref name="name"/>, or null.</summary>
    public string? Optional(string name) => _options.GetValueOrDefault(name);

    /// <summary>The value of --<paramref name="name"/>; an error when absent.</summary>
    public string Required(string name) =>
        Optional(name) ?? throw new GanInputException($"gan {_tool}: --{name} is required.");

    /// <summary>The integer value of --<paramref name="name"/> within [min, max], or <paramref name="fallback"/>.</summary>
    public int Integer(string name, int fallback, int min, int max)
    {
        if (Optional(name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new GanInputException($"gan {_tool}: --{name} must be an integer from {min} to {max}; got '{text}'.");
    }
}

using Gan.Abstractions;

namespace Gan.Configuration;

/// <summary>
/// Runs a plugin command as <c>gan</c> does: a typed tool (<see cref="ITypedGanTool"/>) gets its arguments bound to
/// its options by <see cref="ToolArguments"/>; a 1.0 tool gets the raw arguments. Tests use it to run tools as the host does.
/// </summary>
public static class ToolInvocation
{
    /// <summary>
    /// Binds <paramref name="arguments"/> for <paramref name="tool"/> and returns the call that runs it, so that bad
    /// arguments are reported before the host prepares anything.
    /// </summary>
    /// <exception cref="ConfigurationException">A typed tool's arguments are wrong; every problem is listed.</exception>
    public static Func<ToolContext, CancellationToken, Task<int>> Prepare(IGanTool tool, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
        if (tool is ITypedGanTool typed)
        {
            var options = ToolArguments.Bind(typed.OptionsType, tool.Name, typed.PositionalOption, arguments);
            return (context, cancellationToken) => typed.RunAsync(options, context, cancellationToken);
        }

        var raw = arguments.ToArray();
        return (context, cancellationToken) => tool.RunAsync(raw, context, cancellationToken);
    }

    /// <summary>Binds and runs <paramref name="tool"/>; see <see cref="Prepare"/>.</summary>
    public static Task<int> RunAsync(IGanTool tool, IReadOnlyList<string> arguments, ToolContext context, CancellationToken cancellationToken) =>
        Prepare(tool, arguments)(context, cancellationToken);

    /// <summary>The text of <c>gan NAME --help</c>: generated from a typed tool's options, else the tool's own usage.</summary>
    public static string Help(IGanTool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return tool is ITypedGanTool typed
            ? ToolHelp.Format(typed.OptionsType, tool.Name, tool.Description, typed.PositionalOption)
            : $"{tool.Description}{Environment.NewLine}{Environment.NewLine}{tool.Usage}{Environment.NewLine}";
    }
}

namespace Gan.Abstractions;

/// <summary>
/// A command a plugin adds to the <c>gan</c> program (for example <c>gan translate</c> or <c>gan answer</c>),
/// typically to use a trained network outside training. Register it with
/// <c>services.AddSingleton&lt;IGanTool, MyTool&gt;()</c> in <see cref="IGanPlugin.Configure"/>; the host adds
/// one top-level command per tool and passes it the arguments that follow its name. Since 1.1, derive from
/// <see cref="GanTool{TOptions}"/> instead to have the host bind the arguments to an options class and generate the help.
/// </summary>
public interface IGanTool
{
    /// <summary>The command name, lower-case with dashes; must not clash with the host's own commands.</summary>
    string Name { get; }

    /// <summary>One line for <c>gan --help</c>.</summary>
    string Description { get; }

    /// <summary>Text printed for <c>gan NAME --help</c>: usage and options.</summary>
    string Usage { get; }

    /// <summary>
    /// Runs the command and returns the process exit code (0 success, 2 bad input). Throw
    /// <see cref="GanInputException"/> for user errors; the host prints its message without a stack trace.
    /// </summary>
    Task<int> RunAsync(IReadOnlyList<string> arguments, ToolContext context, CancellationToken cancellationToken);
}

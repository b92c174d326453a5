namespace Gan.Abstractions;

/// <summary>
/// A plugin command whose arguments the host binds to an options class (since 1.1). Implemented by
/// <see cref="GanTool{TOptions}"/>; derive from that rather than implementing this yourself.
/// </summary>
/// <remarks>
/// The host checks every registered <see cref="IGanTool"/> for this interface. When present it turns the arguments
/// that follow the command's name into the options (<c>--batch-size 8</c> sets <c>BatchSize</c>), with the same rules,
/// validation and messages as an experiment's options, generates <c>gan NAME --help</c> from the options'
/// descriptions, and calls <see cref="RunAsync"/>; <see cref="IGanTool.RunAsync"/> and <see cref="IGanTool.Usage"/>
/// are then not used. A 1.0 tool (an <see cref="IGanTool"/> only) still gets its raw arguments.
/// </remarks>
public interface ITypedGanTool
{
    /// <summary>The options class: public settable properties, each an option; a public parameterless constructor gives the defaults.</summary>
    Type OptionsType { get; }

    /// <summary>The property (its C# name or option name) a bare argument sets, as <c>DIR</c> in <c>gan make-shapes-dataset DIR</c>; null when the command takes options only.</summary>
    string? PositionalOption { get; }

    /// <summary>
    /// Runs the command with bound and validated options (an instance of <see cref="OptionsType"/>) and returns the
    /// process exit code, as <see cref="IGanTool.RunAsync"/> does.
    /// </summary>
    Task<int> RunAsync(object options, ToolContext context, CancellationToken cancellationToken);
}

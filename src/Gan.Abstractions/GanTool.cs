namespace Gan.Abstractions;

/// <summary>
/// A plugin command with typed options (since 1.1): the host binds <c>gan NAME --some-option value</c> to
/// <typeparamref name="TOptions"/> as it binds an experiment's options and prints <c>gan NAME --help</c> from them.
/// Register it as any tool: <c>services.AddSingleton&lt;IGanTool, MyTool&gt;()</c>.
/// </summary>
/// <typeparam name="TOptions">
/// The options class. Each public settable property is an option named after it (<c>LambdaA</c> is
/// <c>--lambda-a</c>, or <see cref="OptionNameAttribute"/>); its <c>[Description]</c> is its help, its initial
/// value its default; <c>[Required]</c>, <c>[Range]</c> and <c>IValidatableObject</c> are checked before
/// <see cref="RunAsync(TOptions, ToolContext, CancellationToken)"/>. A <c>bool</c> option is a flag
/// (<c>--sample</c>); options take scalars (strings, booleans, numbers, enums).
/// </typeparam>
public abstract class GanTool<TOptions> : IGanTool, ITypedGanTool
    where TOptions : class, new()
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <summary>Not used by a 1.1 host, which generates the help from <typeparamref name="TOptions"/>.</summary>
    string IGanTool.Usage => $"gan {Name} [options] (see 'gan {Name} --help')";

    /// <inheritdoc />
    public Type OptionsType => typeof(TOptions);

    /// <inheritdoc />
    public virtual string? PositionalOption => null;

    /// <summary>
    /// Runs the command with bound, validated options and returns the exit code (0 success, 2 bad input). Throw
    /// <see cref="GanInputException"/> for user errors; the host prints its message without a stack trace.
    /// </summary>
    protected abstract Task<int> RunAsync(TOptions options, ToolContext context, CancellationToken cancellationToken);

    /// <inheritdoc />
    Task<int> ITypedGanTool.RunAsync(object options, ToolContext context, CancellationToken cancellationToken) =>
        RunAsync(options as TOptions ?? throw new ArgumentException($"expected {typeof(TOptions)}, got {options?.GetType().ToString() ?? "null"}", nameof(options)),
            context, cancellationToken);

    /// <summary>
    /// Always throws: the contracts cannot parse arguments (the option binder lives in the host), so the host binds
    /// typed tools and calls <see cref="ITypedGanTool.RunAsync"/>. Tests run a tool as the host does with
    /// <c>Gan.Configuration.ToolInvocation.RunAsync</c>.
    /// </summary>
    Task<int> IGanTool.RunAsync(IReadOnlyList<string> arguments, ToolContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            $"gan {Name} has typed options ({typeof(TOptions).Name}); the host binds its arguments. Run it through the host's ToolInvocation.");
}

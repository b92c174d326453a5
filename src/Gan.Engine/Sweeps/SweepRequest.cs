namespace Gan.Engine.Sweeps;

/// <summary>What the user asked for on the command line, on top of the experiment's <c>sweep:</c> section.</summary>
public sealed class SweepRequest
{
    /// <summary>The experiment file.</summary>
    public required string ExperimentPath { get; init; }

    /// <summary><c>--set</c> assignments applied to every trial.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary><c>--sweep key=a,b,c</c> values; they replace the section's values for the same key.</summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];

    /// <summary><c>--parallel K</c>, else the section's.</summary>
    public int? Parallel { get; init; }

    /// <summary><c>--executor</c>, else the section's.</summary>
    public SweepExecutorKind? Executor { get; init; }

    /// <summary><c>--plugins</c> folders, passed on to the trials.</summary>
    public IReadOnlyList<string> Plugins { get; init; } = [];

    /// <summary>The <c>gan</c> executable the trials run (normally this process's).</summary>
    public required string Executable { get; init; }
}

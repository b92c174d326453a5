using System.CommandLine;

namespace Gan.Bench;

/// <summary>
/// One benchmark, selected by name on the command line (<c>Gan.Bench mnist-mlp</c>). Adding a benchmark is adding
/// one class that implements this interface and has a public parameterless constructor: <see cref="ScenarioCatalog"/>
/// finds it by reflection and turns it into a sub-command with its own options.
/// </summary>
public interface IBenchmarkScenario
{
    /// <summary>The sub-command name, lower-case with dashes.</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c>: what is measured against what.</summary>
    string Description { get; }

    /// <summary>The scenario's options; shared ones come from <see cref="CommonBenchOptions"/>.</summary>
    IReadOnlyList<Option> Options { get; }

    /// <summary>Runs the benchmark and prints its report; returns the process exit code.</summary>
    Task<int> RunAsync(ParseResult options, CancellationToken cancellationToken);
}

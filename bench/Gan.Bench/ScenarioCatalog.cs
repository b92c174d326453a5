using System.CommandLine;

namespace Gan.Bench;

/// <summary>Finds every <see cref="IBenchmarkScenario"/> in this assembly and exposes each as a sub-command.</summary>
public static class ScenarioCatalog
{
    /// <summary>The scenarios, by name.</summary>
    public static IReadOnlyList<IBenchmarkScenario> Discover() =>
        typeof(ScenarioCatalog).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkScenario).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IBenchmarkScenario)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The root command with one sub-command per scenario.</summary>
    public static RootCommand BuildCommandLine(IReadOnlyList<IBenchmarkScenario> scenarios)
    {
        var root = new RootCommand(
            "Gan.Pipeline benchmarks. Give a scenario name: " + string.Join(", ", scenarios.Select(s => s.Name)) + ".");
        foreach (var scenario in scenarios)
        {
            var command = new Command(scenario.Name, scenario.Description);
            foreach (var option in scenario.Options)
            {
                command.Options.Add(option);
            }

            command.SetAction((result, cancellation) => scenario.RunAsync(result, cancellation));
            root.Subcommands.Add(command);
        }

        return root;
    }

}

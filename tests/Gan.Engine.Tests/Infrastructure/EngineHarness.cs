using Gan.Abstractions;
using Gan.Engine.Experiments;
using Gan.Engine.Plugins;
using Gan.Engine.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Gan.Toolkit;

namespace Gan.Engine.Tests.Infrastructure;

/// <summary>The engine wired as the host wires it, with plugins from chosen folders and no console.</summary>
internal sealed class EngineHarness : IDisposable
{
    /// <summary>The bundled plugins copied beside the test assembly by build/BundledPlugins.targets.</summary>
    public static string BundledPlugins { get; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    public EngineHarness(params string[] pluginDirectories)
    {
        Catalog = new PluginCatalog(NullLogger<PluginCatalog>.Instance);
        foreach (var directory in pluginDirectories)
        {
            Catalog.LoadFrom(directory, mustExist: true);
        }

        Loader = new ExperimentLoader(Catalog);
        Runner = new ExperimentRunner(Catalog, new TrackingStoreFactory(NullLoggerFactory.Instance), NullLoggerFactory.Instance,
            new ServiceCollection().BuildServiceProvider());
    }

    public PluginCatalog Catalog { get; }

    public ExperimentLoader Loader { get; }

    public ExperimentRunner Runner { get; }

    public Task<RunOutcome> RunAsync(string experimentPath, IReadOnlyList<string>? overrides = null, CancellationToken cancellation = default) =>
        Runner.RunAsync(Loader.Load(experimentPath, overrides ?? []), NullProgressReporter.Instance, NoTrainingProgress.Instance, cancellation);

    public void Dispose() => Catalog.Dispose();
}

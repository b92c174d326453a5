using Gan.Abstractions;
using Gan.Engine.Experiments;
using Gan.Engine.Plugins;
using Gan.Engine.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

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
        Runner.RunAsync(Loader.Load(experimentPath, overrides ?? []), new SilentProgress(), NoTrainingProgress.Instance, cancellation);

    public void Dispose() => Catalog.Dispose();

    private sealed class SilentProgress : IProgressReporter, IProgressTask
    {
        public IProgressTask Start(string description, long? total, string unit = "items") => this;

        public void Advance(long amount) { }

        public void SetTotal(long total) { }

        public void Dispose() { }
    }
}

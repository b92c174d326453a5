using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine.Checkpoints;
using Gan.Engine.Experiments;
using Gan.Engine.Inference;
using Gan.Engine.Plugins;
using Gan.Engine.Training;
using Gan.Toolkit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Engine;

/// <summary>
/// The engine assembled without the command line, as the <c>gan</c> host assembles it: plugins loaded from folders,
/// the experiment loader and runner, the plugins' commands and trained-model loading. For tests, benchmarks and
/// programs that embed training; the host itself composes the same parts through its service container.
/// </summary>
public sealed class GanEngine : IDisposable
{
    private readonly ServiceProvider _hostServices;
    private readonly ILoggerFactory _loggerFactory;

    private GanEngine(PluginCatalog catalog, ServiceProvider hostServices, ILoggerFactory loggerFactory)
    {
        Catalog = catalog;
        _hostServices = hostServices;
        _loggerFactory = loggerFactory;
        Loader = new ExperimentLoader(catalog);
        Runner = new ExperimentRunner(catalog, new TrackingStoreFactory(loggerFactory), loggerFactory, hostServices);
    }

    /// <summary>The plugins copied beside the running assembly (<c>plugins/</c>), as the repository's builds place them.</summary>
    public static string BundledPlugins { get; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>The loaded plugins and their components.</summary>
    public PluginCatalog Catalog { get; }

    /// <summary>Reads experiment files (and loads the plugins they name).</summary>
    public ExperimentLoader Loader { get; }

    /// <summary>Runs resolved experiments.</summary>
    public ExperimentRunner Runner { get; }

    /// <summary>Loads the plugins in <paramref name="pluginFolders"/> (each a plugin folder or a folder of them; all must exist).</summary>
    public static GanEngine Create(IEnumerable<string> pluginFolders, ILoggerFactory? loggerFactory = null)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        var catalog = new PluginCatalog(loggerFactory.CreateLogger<PluginCatalog>());
        foreach (var folder in pluginFolders)
        {
            catalog.LoadFrom(folder, mustExist: true);
        }

        // The host's own services, as GanHost registers them: the shared HTTP client factory and logging.
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddGanToolkit();
        return new GanEngine(catalog, services.BuildServiceProvider(), loggerFactory);
    }

    /// <summary>Loads <paramref name="experimentPath"/> with <c>--set</c> style <paramref name="overrides"/> and runs it.</summary>
    public Task<RunOutcome> RunAsync(
        string experimentPath, IReadOnlyList<string>? overrides = null, ITrainingProgress? progress = null,
        RunOptions? options = null, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(Loader.Load(experimentPath, overrides ?? []), NullProgressReporter.Instance, progress ?? NoTrainingProgress.Instance,
            cancellationToken, options);

    /// <summary>Loads trained networks as the plugins' commands do: run ids under <paramref name="checkpointRoot"/>, URIs from <paramref name="trackingUri"/>.</summary>
    public ITrainedModels Models(string checkpointRoot = "checkpoints", string? trackingUri = null, string? cacheRoot = null) =>
        new TrainedModels(Loader, _loggerFactory, NullProgressReporter.Instance, _hostServices, checkpointRoot, trackingUri, cacheRoot);

    /// <summary>The command <paramref name="name"/> a loaded plugin registered.</summary>
    public IGanTool Tool(string name)
    {
        var provider = ExperimentServices.Create(Catalog, _hostServices, _loggerFactory);
        return provider.GetServices<IGanTool>().SingleOrDefault(t => t.Name == name)
            ?? throw new InvalidOperationException($"No loaded plugin provides the command '{name}'.");
    }

    /// <summary>Runs the command <paramref name="name"/> with <paramref name="arguments"/> as <c>gan NAME ARGUMENTS</c> does; returns its exit code.</summary>
    public Task<int> RunToolAsync(string name, IReadOnlyList<string> arguments, TextReader? input = null, TextWriter? output = null,
        ITrainedModels? models = null, CancellationToken cancellationToken = default) =>
        ToolInvocation.RunAsync(Tool(name), arguments,
            new ToolContext(models ?? Models(), _loggerFactory, NullProgressReporter.Instance, input ?? TextReader.Null, output ?? TextWriter.Null),
            cancellationToken);

    public void Dispose()
    {
        _hostServices.Dispose();
        Catalog.Dispose();
    }
}

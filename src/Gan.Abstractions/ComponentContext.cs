using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Gan.Abstractions;

/// <summary>
/// What a component factory may use while it builds a component. Provided by the engine; the same
/// instance is shared by every component of one experiment.
/// </summary>
public sealed class ComponentContext
{
    /// <summary>Creates a context.</summary>
    public ComponentContext(
        torch.Device device,
        int seed,
        string dataRoot,
        string cacheRoot,
        ILoggerFactory loggerFactory,
        IProgressReporter progress,
        IServiceProvider services)
    {
        Device = device;
        Seed = seed;
        DataRoot = dataRoot;
        CacheRoot = cacheRoot;
        LoggerFactory = loggerFactory;
        Progress = progress;
        Services = services;
    }

    /// <summary>The device the experiment trains on. Networks are moved there by the engine.</summary>
    public torch.Device Device { get; }

    /// <summary>The experiment's seed; derive every random stream a component owns from it.</summary>
    public int Seed { get; }

    /// <summary>Absolute folder relative data paths are resolved against (<c>data_root</c>).</summary>
    public string DataRoot { get; }

    /// <summary>Absolute folder for derived files worth keeping between runs (processed datasets, helper models).</summary>
    public string CacheRoot { get; }

    /// <summary>Creates loggers; components log through <c>ILogger</c>, never the console.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Reports progress of long work such as downloads or preprocessing.</summary>
    public IProgressReporter Progress { get; }

    /// <summary>The host's services, including anything the plugin registered itself.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Resolves <paramref name="path"/> against <see cref="DataRoot"/> unless it is absolute.</summary>
    public string ResolveDataPath(string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(DataRoot, path));
}

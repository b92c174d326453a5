using Gan.Abstractions;
using Gan.Engine.Experiments;
using Microsoft.Extensions.Logging;
using static TorchSharp.torch;

namespace Gan.Engine.Training;

/// <summary>The one place an experiment's <see cref="ComponentContext"/> is made, for training and for loading trained models.</summary>
internal static class ComponentContextFactory
{
    public static ComponentContext Create(
        ExperimentDefinition definition, Device device, ILoggerFactory loggerFactory, IProgressReporter progress, IServiceProvider services) =>
        new(
            device,
            definition.Seed,
            ResolveFolder(definition.DataRoot, "GAN_DATA_ROOT", "data"),
            ResolveFolder(definition.CacheRoot, "GAN_CACHE_DIR", ".cache"),
            loggerFactory,
            progress,
            services);

    /// <summary>The experiment's setting, else the environment variable, else the default; absolute.</summary>
    private static string ResolveFolder(string? configured, string variable, string fallback) =>
        Path.GetFullPath(configured ?? (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnv ? fromEnv : fallback));
}

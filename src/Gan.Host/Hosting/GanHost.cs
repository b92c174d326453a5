using Gan.Engine.Experiments;
using Gan.Engine.Plugins;
using Gan.Engine.Training;
using Gan.Host.Console;
using Gan.Toolkit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gan.Host.Hosting;

/// <summary>
/// Builds the generic host for one command: logging, the plugin catalog (loaded before the container is
/// built, so services plugins register are part of it), the experiment loader and runner.
/// </summary>
internal static class GanHost
{
    public static IHost Build(GlobalOptions options)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // No appsettings files or user secrets: experiments are configured by their YAML alone.
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Logging.AddProvider(new SpectreLoggerProvider(options.LogLevel));

        using var bootstrapLogging = LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(options.LogLevel);
            logging.AddProvider(new SpectreLoggerProvider(options.LogLevel));
        });
        var catalog = new PluginCatalog(bootstrapLogging.CreateLogger<PluginCatalog>());
        new PluginSources { CommandLineDirectories = options.PluginDirectories }.LoadInto(catalog);

        builder.Services.AddSingleton(catalog);
        foreach (var descriptor in catalog.PluginServices)
        {
            builder.Services.Add(descriptor);
        }

        // One IHttpClientFactory for the process; plugins download through it (Gan.Toolkit's SharedHttpClient).
        builder.Services.AddGanToolkit();
        builder.Services.AddSingleton<TrackingStoreFactory>();
        builder.Services.AddSingleton<ExperimentLoader>();
        builder.Services.AddSingleton<ExperimentRunner>();
        return builder.Build();
    }
}

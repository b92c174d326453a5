using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gan.Engine.Plugins;

/// <summary>
/// The services an experiment's components see through <c>ComponentContext.Services</c>: everything every loaded
/// plugin registered — including plugins named only in the experiment's <c>plugins:</c> list, which load after the
/// host's container was built — then the host's own services. Built per run (and per loaded model), after the
/// experiment's plugins are loaded, so that one composition rule holds whatever folder a plugin came from.
/// </summary>
internal sealed class ExperimentServices : IServiceProvider, IAsyncDisposable
{
    private readonly ServiceProvider _plugins;
    private readonly IServiceProvider _host;

    private ExperimentServices(ServiceProvider plugins, IServiceProvider host)
    {
        _plugins = plugins;
        _host = host;
    }

    /// <summary>
    /// Plugin services over <paramref name="host"/>. Plugin services may depend on each other, on logging and on the
    /// host's <c>IHttpClientFactory</c>; anything else a component asks for comes from the host.
    /// </summary>
    public static ExperimentServices Create(PluginCatalog catalog, IServiceProvider host, ILoggerFactory loggerFactory)
    {
        var services = new ServiceCollection();
        foreach (var descriptor in catalog.PluginServices)
        {
            ((IList<ServiceDescriptor>)services).Add(descriptor);
        }

        services.AddSingleton(host.GetService<ILoggerFactory>() ?? loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        if (host.GetService<IHttpClientFactory>() is { } httpClients)
        {
            services.AddSingleton(httpClients);
        }

        return new ExperimentServices(services.BuildServiceProvider(), host);
    }

    /// <summary>Plugin services alone, over an empty host: what checking an experiment and a sweep's parent run need (tracking backends).</summary>
    public static ExperimentServices Create(PluginCatalog catalog, ILoggerFactory loggerFactory) =>
        Create(catalog, new ServiceCollection().BuildServiceProvider(), loggerFactory);

    public object? GetService(Type serviceType) => _plugins.GetService(serviceType) ?? _host.GetService(serviceType);

    public ValueTask DisposeAsync() => _plugins.DisposeAsync();
}

using Microsoft.Extensions.DependencyInjection;

namespace Gan.Toolkit;

/// <summary>Registers what the toolkit takes from the host.</summary>
public static class ToolkitServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IHttpClientFactory"/> and the named client <see cref="SharedHttpClient.Name"/> that
    /// <see cref="SharedHttpClient.From"/> hands to plugins. Called once by the host's composition root.
    /// </summary>
    public static IServiceCollection AddGanToolkit(this IServiceCollection services)
    {
        services.AddHttpClient(SharedHttpClient.Name, SharedHttpClient.Configure);
        return services;
    }
}

using Gan.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Gan.Engine.Tests.Tracking;

/// <summary>The plugin entry registering both test backends, as a plugin's <see cref="IGanPlugin.Configure"/> would.</summary>
internal sealed class JsonlTrackingPlugin : IGanPlugin
{
    public void Configure(IServiceCollection services)
    {
        services.AddSingleton<ITrackingBackend, JsonlTrackingBackend>();
        services.AddSingleton<ITrackingBackend, ThrowingTrackingBackend>();
    }
}

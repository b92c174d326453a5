using System.Net.Http.Headers;

namespace Gan.Toolkit;

/// <summary>
/// The <see cref="HttpClient"/> plugins download with: the host's, from its <see cref="IHttpClientFactory"/>
/// (registered by <see cref="ToolkitServiceCollectionExtensions.AddGanToolkit"/>), so every plugin shares one
/// pool of connections whose handlers are recycled as DNS changes. A client per download would leak sockets.
/// </summary>
public static class SharedHttpClient
{
    /// <summary>The name of the host's client for plugin downloads.</summary>
    public const string Name = "Gan.Toolkit";

    // Only for callers without the host's services (tests, benchmarks): one client for the process.
    private static readonly Lazy<HttpClient> Fallback = new(() =>
    {
        var client = new HttpClient();
        Configure(client);
        return client;
    });

    /// <summary>
    /// The host's client when <paramref name="services"/> holds an <see cref="IHttpClientFactory"/> (a plugin passes
    /// <c>ComponentContext.Services</c>), otherwise one static client shared by the process.
    /// </summary>
    public static HttpClient From(IServiceProvider? services) =>
        services?.GetService(typeof(IHttpClientFactory)) is IHttpClientFactory factory
            ? factory.CreateClient(Name)
            : Fallback.Value;

    /// <summary>The settings of the download client, whichever way it was made.</summary>
    internal static void Configure(HttpClient client)
    {
        // No overall timeout: a large file on a slow link is legitimate; FileDownloader's stall timeout catches a
        // dead connection instead.
        client.Timeout = Timeout.InfiniteTimeSpan;
        // Some mirrors refuse requests without a User-Agent (torchvision sets one for the same reason).
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Gan.Pipeline", "1.1"));
    }
}

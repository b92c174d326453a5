using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Gan.Tracking;

/// <summary>
/// The <see cref="IHttpClientFactory"/> behind a REST store: one named client per server, carrying its
/// authentication, TLS choice and timeout. Built in a private container because the store is created per
/// experiment, possibly for a URI only known from the YAML, after the host's container is sealed.
/// </summary>
internal sealed class MlflowHttp : IDisposable
{
    private const string ClientName = "mlflow";
    private readonly ServiceProvider _provider;
    private readonly IHttpClientFactory _factory;

    public MlflowHttp(MlflowConnection connection)
    {
        Connection = connection;
        var services = new ServiceCollection();
        services.AddHttpClient(ClientName, client =>
            {
                client.BaseAddress = connection.BaseUri;
                client.Timeout = connection.RequestTimeout;
                client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("gan-pipeline", "1.0"));
                if (connection.Token is { } token)
                {
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }
                else if (connection.Username is { } user)
                {
                    var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + (connection.Password ?? string.Empty)));
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
                }
            })
            .ConfigurePrimaryHttpMessageHandler(() =>
            {
                var handler = new SocketsHttpHandler { ConnectTimeout = connection.RequestTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
                if (connection.InsecureTls)
                {
                    // MLFLOW_TRACKING_INSECURE_TLS: the user asked to trust a self-signed server.
#pragma warning disable CA5359
                    handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
                }

                return handler;
            });
        _provider = services.BuildServiceProvider();
        _factory = _provider.GetRequiredService<IHttpClientFactory>();
    }

    public MlflowConnection Connection { get; }

    /// <summary>A client for one call or a short series of calls; cheap, do not keep it for long.</summary>
    public HttpClient CreateClient() => _factory.CreateClient(ClientName);

    public void Dispose() => _provider.Dispose();
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Gan.Plugins.Mnist.Tests;

/// <summary>
/// An HTTP server on 127.0.0.1 standing in for the MNIST mirrors: <c>/missing/…</c> answers 404,
/// <c>/real/NAME</c> serves the shared data's NAME, <c>/wrong/NAME</c> serves bytes that are not MNIST.
/// </summary>
internal sealed class LocalMirror : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LocalMirror()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public string Missing => BaseUrl + "missing/";

    public string Real => BaseUrl + "real/";

    public string Wrong => BaseUrl + "wrong/";

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>A port nothing listens on, for a mirror whose connection is refused.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        Requests.Enqueue(path);
        var parts = path.Trim('/').Split('/');
        var response = context.Response;
        try
        {
            byte[]? body = parts switch
            {
                ["real", var name] when File.Exists(Path.Combine(TestData.MnistFolder, name)) =>
                    File.ReadAllBytes(Path.Combine(TestData.MnistFolder, name)),
                ["wrong", _] => TestData.Gzip("these bytes are not MNIST"u8.ToArray()),
                _ => null,
            };
            if (body is null)
            {
                response.StatusCode = 404;
                response.StatusDescription = "Not Found";
            }
            else
            {
                response.ContentLength64 = body.Length;
                response.OutputStream.Write(body);
            }
        }
        catch (HttpListenerException)
        {
            // The client went away; nothing to answer.
        }
        finally
        {
            response.Close();
        }
    }
}

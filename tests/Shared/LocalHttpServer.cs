using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Gan.Tests.Shared;

/// <summary>
/// An HTTP server on 127.0.0.1 for download tests, so no test ever reaches the internet: each request's path goes to
/// <c>content</c>, which returns the body to send or null for a 404. Requests are answered concurrently.
/// <c>Range: bytes=N-</c> is honoured as static file servers do (206 with <c>Content-Range</c>, 416 past the end).
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, byte[]?> _content;
    private readonly Task _loop;

    public LocalHttpServer(Func<string, byte[]?> content)
    {
        _content = content;
        BaseUrl = $"http://127.0.0.1:{FreePort()}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The server's root, ending in a slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Paths requested so far, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Each request's Range header ("" when none), in arrival order.</summary>
    public ConcurrentQueue<string> Ranges { get; } = new();

    /// <summary>A port nothing listens on, for a server whose connection is refused.</summary>
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
            // The loop ends by its listener being closed under it; nothing to report.
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
        var response = context.Response;
        try
        {
            var range = context.Request.Headers["Range"] ?? "";
            Ranges.Enqueue(range);
            if (_content(path) is { } body)
            {
                var from = range.StartsWith("bytes=", StringComparison.Ordinal)
                    ? int.Parse(range[6..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture)
                    : 0;
                if (from > 0 && from >= body.Length)
                {
                    response.StatusCode = 416;
                    return;
                }

                if (from > 0)
                {
                    response.StatusCode = 206;
                    response.Headers["Content-Range"] = $"bytes {from}-{body.Length - 1}/{body.Length}";
                }

                response.ContentLength64 = body.Length - from;
                response.OutputStream.Write(body.AsSpan(from));
            }
            else
            {
                response.StatusCode = 404;
                response.StatusDescription = "Not Found";
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

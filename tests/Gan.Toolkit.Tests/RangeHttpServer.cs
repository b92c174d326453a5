using System.Collections.Concurrent;
using System.Net;

namespace Gan.Toolkit.Tests;

/// <summary>
/// A server on 127.0.0.1 serving one body at <c>/file</c> (404 elsewhere) and honouring <c>Range: bytes=N-</c> with
/// 206 and <c>Content-Range</c>, as static file servers do; records each request's Range header.
/// </summary>
internal sealed class RangeHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _body;
    private readonly Task _loop;

    public RangeHttpServer(byte[] body)
    {
        _body = body;
        BaseUrl = $"http://127.0.0.1:{LocalHttpServer.FreePort()}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public Uri File => new(BaseUrl + "file");

    /// <summary>The Range header of each request ("" when none), in arrival order.</summary>
    public ConcurrentQueue<string> Ranges { get; } = new();

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
        var range = context.Request.Headers["Range"] ?? "";
        Ranges.Enqueue(range);
        var response = context.Response;
        try
        {
            if (context.Request.Url!.AbsolutePath != "/file")
            {
                response.StatusCode = 404;
                response.StatusDescription = "Not Found";
                return;
            }

            var from = range.StartsWith("bytes=", StringComparison.Ordinal) ? long.Parse(range[6..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (from >= _body.Length && from > 0)
            {
                response.StatusCode = 416;
                return;
            }

            if (from > 0)
            {
                response.StatusCode = 206;
                response.Headers["Content-Range"] = $"bytes {from}-{_body.Length - 1}/{_body.Length}";
            }

            response.ContentLength64 = _body.Length - from;
            response.OutputStream.Write(_body.AsSpan((int)from));
        }
        catch (HttpListenerException)
        {
        }
        finally
        {
            response.Close();
        }
    }
}

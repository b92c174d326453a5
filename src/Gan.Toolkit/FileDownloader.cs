using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Gan.Abstractions;

namespace Gan.Toolkit;

/// <summary>
/// Downloads a URL to a file: progress through <see cref="IProgressReporter"/>, an optional SHA-256 (or custom) check,
/// a partial download resumed with an HTTP Range request, and the final file published atomically, so a file under
/// its final name is always complete and verified.
/// </summary>
/// <remarks>
/// The partial download lives beside the target as <c>.partial-NAME.download</c> (<see cref="AtomicFile.TemporaryPrefix"/>)
/// until it is complete; an interrupted run resumes it, a failed check deletes it. Failures throw
/// <see cref="DownloadException"/> naming the URL and the file; cancellation throws <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class FileDownloader
{
    private const int BufferSize = 1 << 16;
    private readonly HttpClient _http;
    private readonly IProgressReporter _progress;

    /// <summary>Creates a downloader using <paramref name="http"/> (see <see cref="SharedHttpClient.From"/>).</summary>
    public FileDownloader(HttpClient http, IProgressReporter progress)
    {
        _http = http;
        _progress = progress;
    }

    /// <summary>A downloader with the host's shared client and the experiment's progress display.</summary>
    public static FileDownloader For(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FileDownloader(SharedHttpClient.From(context.Services), context.Progress);
    }

    /// <summary>How long a request may wait for the response headers or for the next chunk of the body.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Downloads <paramref name="url"/> to <paramref name="path"/>.</summary>
    /// <param name="url">What to fetch.</param>
    /// <param name="path">Where the complete file goes; its folder is created.</param>
    /// <param name="sha256">The expected SHA-256 (hex, any case), or null for no check.</param>
    /// <param name="verify">
    /// A further check of the complete file before it is published: null when it is acceptable, otherwise what is
    /// wrong with it (for formats with their own digests, e.g. MD5 lists).
    /// </param>
    /// <param name="cancellationToken">Stops the transfer; the partial file is kept for the next attempt.</param>
    /// <exception cref="DownloadException">HTTP error, broken or stalled connection, or a failed check.</exception>
    public async Task DownloadAsync(Uri url, string path, string? sha256 = null, Func<string, string?>? verify = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var target = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var partial = System.IO.Path.Combine(directory, AtomicFile.TemporaryPrefix + System.IO.Path.GetFileName(target) + ".download");
        try
        {
            await FetchAsync(url, target, partial, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DownloadException(url, target, string.Create(CultureInfo.InvariantCulture, $"timed out: no data for {StallTimeout.TotalSeconds:0} s"));
        }
        catch (HttpRequestException e)
        {
            throw new DownloadException(url, target,
                e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new DownloadException(url, target, e.Message, e);
        }

        var mismatch = sha256 is null ? null : CheckSha256(partial, sha256);
        mismatch ??= verify?.Invoke(partial);
        if (mismatch is not null)
        {
            AtomicFile.TryDelete(partial);
            throw new DownloadException(url, target, $"{mismatch}; the file was discarded");
        }

        AtomicFile.Publish(partial, target);
    }

    private async Task FetchAsync(Uri url, string target, string partial, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(StallTimeout);
        var offset = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && offset > 0)
        {
            // The partial file is not a prefix of what the server has now (it shrank or changed): start over.
            AtomicFile.TryDelete(partial);
            await FetchAsync(url, target, partial, cancellationToken);
            return;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new DownloadException(url, target, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        // A server that ignores Range answers 200 with the whole body: write from the start.
        var resumed = offset > 0 && response.StatusCode == HttpStatusCode.PartialContent
                      && response.Content.Headers.ContentRange?.From == offset;
        if (!resumed)
        {
            offset = 0;
        }

        var total = response.Content.Headers.ContentLength is { } length ? offset + length : (long?)null;
        await using var body = await response.Content.ReadAsStreamAsync(stall.Token);
        await using var output = new FileStream(partial, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        using var progress = _progress.Start($"Downloading {System.IO.Path.GetFileName(target)}", total, "bytes");
        progress.Advance(offset);
        var buffer = new byte[BufferSize];
        var received = offset;
        while (true)
        {
            stall.CancelAfter(StallTimeout);
            var read = await body.ReadAsync(buffer, stall.Token);
            if (read == 0)
            {
                break;
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            received += read;
            progress.Advance(read);
        }

        if (total is { } expected && received != expected)
        {
            // The bytes so far stay in the partial file; the next attempt resumes from them.
            throw new DownloadException(url, target,
                string.Create(CultureInfo.InvariantCulture, $"the connection closed after {received:N0} of {expected:N0} bytes"));
        }
    }

    private static string? CheckSha256(string file, string expected)
    {
        var actual = Checksum.Sha256OfFile(file);
        return string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"checksum mismatch: SHA-256 {actual}, expected {expected.ToLowerInvariant()}";
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Gan.Abstractions;
using Microsoft.Extensions.Logging;

namespace Gan.Plugins.Mnist;

/// <summary>
/// Downloads MNIST's <c>.gz</c> files, trying each mirror in order, verifying checksums and never leaving a
/// partial file under the final name.
/// </summary>
internal sealed class MnistDownloader
{
    private readonly HttpClient _http;
    private readonly IReadOnlyList<string> _mirrors;
    private readonly bool _verifyChecksums;
    private readonly IProgressReporter _progress;
    private readonly ILogger _logger;

    /// <summary>Creates a downloader.</summary>
    /// <param name="http">The client to use; plugins have no IHttpClientFactory, so pass <see cref="SharedHttpClient"/>.</param>
    /// <param name="mirrors">Base URLs tried in order.</param>
    /// <param name="verifyChecksums">Whether to refuse files whose checksums do not match.</param>
    /// <param name="progress">Shows each transfer.</param>
    /// <param name="logger">Logs each attempt.</param>
    public MnistDownloader(HttpClient http, IReadOnlyList<string> mirrors, bool verifyChecksums, IProgressReporter progress, ILogger logger)
    {
        _http = http;
        _mirrors = mirrors;
        _verifyChecksums = verifyChecksums;
        _progress = progress;
        _logger = logger;
    }

    /// <summary>How long a request may wait for the response headers or for the next chunk of the body.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// One client for the process: a client per download would leak sockets, and a plugin cannot reach the
    /// host's IHttpClientFactory. No overall timeout, because a large file on a slow link is legitimate; the
    /// stall timeout (<see cref="StallTimeout"/>) catches a dead connection instead.
    /// </summary>
    public static HttpClient SharedHttpClient { get; } = CreateClient();

    /// <summary>Downloads <paramref name="file"/>'s <c>.gz</c> into <paramref name="folder"/> and returns its path.</summary>
    /// <exception cref="GanInputException">Every mirror failed; the message lists each failure.</exception>
    public async Task<string> DownloadAsync(MnistFile file, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, file.GzipName);
        if (_mirrors.Count == 0)
        {
            throw new GanInputException(
                $"{target} is missing and no mirrors are configured: add URLs under `mirrors:` or put the file in {folder}.");
        }

        var failures = new List<string>();
        foreach (var mirror in _mirrors)
        {
            var url = new Uri(new Uri(mirror.EndsWith('/') ? mirror : mirror + "/", UriKind.Absolute), file.GzipName);
            var failure = await TryDownloadAsync(file, url, target, cancellationToken);
            if (failure is null)
            {
                _logger.LogInformation("Downloaded {File} from {Url}", file.GzipName, url);
                return target;
            }

            _logger.LogWarning("Could not download {File} from {Url}: {Failure}", file.GzipName, url, failure);
            failures.Add($"  {url}: {failure}");
        }

        throw new GanInputException(
            $"Could not download {file.GzipName} into {folder}; every mirror failed:{Environment.NewLine}"
            + string.Join(Environment.NewLine, failures) + Environment.NewLine
            + $"Fix the `mirrors:` list, or copy the file (.gz or raw) into {folder} yourself.");
    }

    /// <summary>Returns null on success, otherwise why this mirror failed; throws only on cancellation.</summary>
    private async Task<string?> TryDownloadAsync(MnistFile file, Uri url, string target, CancellationToken cancellationToken)
    {
        // A unique temporary name beside the target: the final rename is then atomic on the same volume,
        // and two runs downloading at once never write into the same file.
        var temporary = $"{target}.{Guid.NewGuid():N}.part";
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            stall.CancelAfter(StallTimeout);
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stall.Token);
            if (!response.IsSuccessStatusCode)
            {
                return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            }

            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            var total = response.Content.Headers.ContentLength;
            await using (var body = await response.Content.ReadAsStreamAsync(stall.Token))
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            using (var progress = _progress.Start($"Downloading {file.GzipName}", total, "bytes"))
            {
                var buffer = new byte[1 << 16];
                long received = 0;
                while (true)
                {
                    stall.CancelAfter(StallTimeout);
                    var read = await body.ReadAsync(buffer, stall.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    md5.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    received += read;
                    progress.Advance(read);
                }

                if (total is { } expected && received != expected)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"connection closed after {received:N0} of {expected:N0} bytes");
                }
            }

            if (_verifyChecksums)
            {
                var mismatch = Verify(file, temporary, Convert.ToHexStringLower(md5.GetHashAndReset()));
                if (mismatch is not null)
                {
                    return $"checksum mismatch for {file.GzipName}: {mismatch}; the file was discarded";
                }
            }

            File.Move(temporary, target, overwrite: true);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"timed out: no data for {StallTimeout.TotalSeconds:0} s";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}";
        }
        catch (IOException e)
        {
            return e.Message;
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Null when the download is the known file, otherwise what did not match.</summary>
    private static string? Verify(MnistFile file, string path, string md5)
    {
        if (md5 == file.GzipMd5)
        {
            return null;
        }

        // Not the original archive; accept it still when it decompresses to the original content.
        try
        {
            using var stream = File.OpenRead(path);
            using var inflated = new GZipStream(stream, CompressionMode.Decompress);
            var sha = Convert.ToHexStringLower(SHA256.HashData(inflated));
            return sha == file.ContentSha256
                ? null
                : $"MD5 {md5} (expected {file.GzipMd5}) and content SHA-256 {sha} (expected {file.ContentSha256})";
        }
        catch (InvalidDataException)
        {
            return $"MD5 {md5} (expected {file.GzipMd5}) and not a valid gzip stream";
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover .part file is harmless and never read as data.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static HttpClient CreateClient()
    {
        var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        // Some mirrors refuse requests without a User-Agent (torchvision sets one for the same reason).
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Gan.Pipeline", "1.0"));
        return client;
    }
}

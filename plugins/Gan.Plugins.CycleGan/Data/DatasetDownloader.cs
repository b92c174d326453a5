using System.IO.Compression;
using System.Net.Http.Headers;
using Gan.Abstractions;
using Microsoft.Extensions.Logging;

namespace Gan.Plugins.CycleGan.Data;

/// <summary>
/// Downloads a standard CycleGAN dataset (BASE/NAME.zip, as the reference's download script) and unpacks it
/// so that ROOT/trainA, trainB, testA, testB exist. Nothing is left under ROOT unless the whole archive unpacked.
/// </summary>
internal sealed class DatasetDownloader
{
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly IProgressReporter _progress;
    private readonly ILogger _logger;

    public DatasetDownloader(HttpClient http, string baseUrl, IProgressReporter progress, ILogger logger)
    {
        _http = http;
        _baseUrl = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";
        _progress = progress;
        _logger = logger;
    }

    /// <summary>One client for the process (plugins cannot reach the host's IHttpClientFactory); no overall timeout for large zips.</summary>
    public static HttpClient SharedHttpClient { get; } = CreateClient();

    /// <summary>Downloads <paramref name="name"/> and unpacks it into <paramref name="root"/>.</summary>
    /// <exception cref="GanInputException">Unknown name, HTTP failure, or an archive without trainA/trainB.</exception>
    public async Task DownloadAsync(string name, string root, CancellationToken cancellationToken)
    {
        if (!CycleGanDatasets.IsKnown(name))
        {
            throw new GanInputException(
                $"{root} has no trainA/ and '{name}' is not a standard CycleGAN dataset name; known names: {string.Join(", ", CycleGanDatasets.Names)}.");
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(root))!;
        Directory.CreateDirectory(parent);
        var url = new Uri(new Uri(_baseUrl, UriKind.Absolute), name + ".zip");
        var zip = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.zip.part");
        var staging = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.unpack");
        try
        {
            await FetchAsync(url, zip, name, cancellationToken);
            _logger.LogInformation("Downloaded {Url}; unpacking into {Root}", url, root);
            try
            {
                await Task.Run(() => ZipFile.ExtractToDirectory(zip, staging), cancellationToken);
            }
            catch (InvalidDataException e)
            {
                throw new GanInputException($"{url} is not a valid zip archive: {e.Message}", e);
            }

            var content = FindDatasetFolder(staging) ?? throw new GanInputException(
                $"The archive {url} holds no trainA/ folder; it is not a CycleGAN dataset.");
            if (Directory.Exists(root))
            {
                // The root exists without trainA: merge the domain folders into it.
                foreach (var folder in Directory.GetDirectories(content))
                {
                    Directory.Move(folder, Path.Combine(root, Path.GetFileName(folder)));
                }
            }
            else
            {
                Directory.Move(content, root);
            }
        }
        finally
        {
            TryDelete(zip);
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private async Task FetchAsync(Uri url, string target, string name, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new GanInputException(
                    $"Could not download {url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}. Check `base_url`, or unpack the dataset yourself.");
            }

            var total = response.Content.Headers.ContentLength;
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            using var progress = _progress.Start($"Downloading {name}.zip", total, "bytes");
            var buffer = new byte[1 << 16];
            long received = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                received += read;
                progress.Advance(read);
            }

            if (total is { } expected && received != expected)
            {
                throw new GanInputException($"Could not download {url}: the connection closed after {received:N0} of {expected:N0} bytes.");
            }
        }
        catch (HttpRequestException e)
        {
            throw new GanInputException($"Could not download {url}: {e.Message}", e);
        }
    }

    /// <summary>The folder holding trainA: the staging folder itself or a folder below it (zips hold NAME/trainA/...).</summary>
    private static string? FindDatasetFolder(string staging) =>
        Directory.Exists(Path.Combine(staging, "trainA"))
            ? staging
            : Directory.EnumerateDirectories(staging, "trainA", SearchOption.AllDirectories).Select(Path.GetDirectoryName).FirstOrDefault();

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover .part file is never read as data.
        }
    }

    private static HttpClient CreateClient()
    {
        var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Gan.Pipeline", "1.0"));
        return client;
    }
}

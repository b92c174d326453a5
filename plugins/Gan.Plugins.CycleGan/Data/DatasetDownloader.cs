using System.IO.Compression;
using Gan.Abstractions;
using Gan.Toolkit;
using Microsoft.Extensions.Logging;

namespace Gan.Plugins.CycleGan.Data;

/// <summary>
/// Downloads a standard CycleGAN dataset (BASE/NAME.zip, as the reference's download script) and unpacks it
/// so that ROOT/trainA, trainB, testA, testB exist. Nothing is left under ROOT unless the whole archive unpacked.
/// The transfer is the toolkit's <see cref="FileDownloader"/>: an interrupted download resumes on the next run.
/// </summary>
internal sealed class DatasetDownloader
{
    private readonly FileDownloader _downloader;
    private readonly string _baseUrl;
    private readonly ILogger _logger;

    public DatasetDownloader(HttpClient http, string baseUrl, IProgressReporter progress, ILogger logger)
    {
        _downloader = new FileDownloader(http, progress);
        _baseUrl = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";
        _logger = logger;
    }

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
        // Kept (as the toolkit's partial file) when the transfer breaks, so the next run resumes it; deleted once unpacked.
        var zip = Path.Combine(parent, name + ".zip");
        var staging = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.unpack");
        try
        {
            try
            {
                await _downloader.DownloadAsync(url, zip, cancellationToken: cancellationToken);
            }
            catch (DownloadException e)
            {
                throw new GanInputException($"{e.Message} Check `base_url`, or unpack the dataset yourself.", e);
            }

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
            AtomicFile.TryDelete(zip);
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>The folder holding trainA: the staging folder itself or a folder below it (zips hold NAME/trainA/...).</summary>
    private static string? FindDatasetFolder(string staging) =>
        Directory.Exists(Path.Combine(staging, "trainA"))
            ? staging
            : Directory.EnumerateDirectories(staging, "trainA", SearchOption.AllDirectories).Select(Path.GetDirectoryName).FirstOrDefault();
}

using System.IO.Compression;
using System.Security.Cryptography;
using Gan.Abstractions;
using Gan.Toolkit;
using Microsoft.Extensions.Logging;

namespace Gan.Plugins.Mnist;

/// <summary>
/// Downloads MNIST's <c>.gz</c> files, trying each mirror in order and verifying checksums; the transfer itself
/// (progress, resume, atomic publication) is the toolkit's <see cref="FileDownloader"/>.
/// </summary>
internal sealed class MnistDownloader
{
    private readonly FileDownloader _downloader;
    private readonly IReadOnlyList<string> _mirrors;
    private readonly bool _verifyChecksums;
    private readonly ILogger _logger;

    /// <summary>Creates a downloader.</summary>
    /// <param name="http">The client to use: the host's, from <see cref="SharedHttpClient.From"/>.</param>
    /// <param name="mirrors">Base URLs tried in order.</param>
    /// <param name="verifyChecksums">Whether to refuse files whose checksums do not match.</param>
    /// <param name="progress">Shows each transfer.</param>
    /// <param name="logger">Logs each attempt.</param>
    public MnistDownloader(HttpClient http, IReadOnlyList<string> mirrors, bool verifyChecksums, IProgressReporter progress, ILogger logger)
    {
        _downloader = new FileDownloader(http, progress);
        _mirrors = mirrors;
        _verifyChecksums = verifyChecksums;
        _logger = logger;
    }

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
            try
            {
                await _downloader.DownloadAsync(url, target, verify: _verifyChecksums ? path => Verify(file, path) : null,
                    cancellationToken: cancellationToken);
                _logger.LogInformation("Downloaded {File} from {Url}", file.GzipName, url);
                return target;
            }
            catch (DownloadException e)
            {
                _logger.LogWarning("Could not download {File} from {Url}: {Failure}", file.GzipName, url, e.Reason);
                failures.Add($"  {url}: {e.Reason}");
            }
        }

        throw new GanInputException(
            $"Could not download {file.GzipName} into {folder}; every mirror failed:{Environment.NewLine}"
            + string.Join(Environment.NewLine, failures) + Environment.NewLine
            + $"Fix the `mirrors:` list, or copy the file (.gz or raw) into {folder} yourself.");
    }

    /// <summary>Null when the download is the known file, otherwise what did not match.</summary>
    private static string? Verify(MnistFile file, string path)
    {
        string md5;
        using (var stream = File.OpenRead(path))
        {
            // MNIST's mirrors publish MD5 digests; this checks integrity, not authenticity.
#pragma warning disable CA5351
            md5 = Convert.ToHexStringLower(MD5.HashData(stream));
#pragma warning restore CA5351
        }

        if (md5 == file.GzipMd5)
        {
            return null;
        }

        // Not the original archive; accept it still when it decompresses to the original content.
        try
        {
            using var stream = File.OpenRead(path);
            using var inflated = new GZipStream(stream, CompressionMode.Decompress);
            var sha = Checksum.Sha256(inflated);
            return sha == file.ContentSha256
                ? null
                : $"checksum mismatch for {file.GzipName}: MD5 {md5} (expected {file.GzipMd5}) and content SHA-256 {sha} (expected {file.ContentSha256})";
        }
        catch (InvalidDataException)
        {
            return $"checksum mismatch for {file.GzipName}: MD5 {md5} (expected {file.GzipMd5}) and not a valid gzip stream";
        }
    }
}

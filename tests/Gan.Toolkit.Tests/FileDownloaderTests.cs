using Gan.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Gan.Toolkit.Tests;

public sealed class FileDownloaderTests : IDisposable
{
    private Uri Url => new(_server.BaseUrl + "file");

    private static readonly byte[] Body = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 31 % 251)).ToArray();
    private readonly LocalHttpServer _server = new(path => path == "/file" ? Body : null);
    private readonly TemporaryDirectory _folder = new();
    private readonly Progress _progress = new();

    public void Dispose()
    {
        _server.Dispose();
        _folder.Dispose();
    }

    private FileDownloader Downloader() => new(SharedHttpClient.From(null), _progress);

    private string PartialOf(string path) => _folder.Combine(AtomicFile.TemporaryPrefix + Path.GetFileName(path) + ".download");

    [Fact]
    public async Task Full_download_lands_the_verified_file_with_progress()
    {
        var path = _folder.Combine("data", "file.bin");

        await Downloader().DownloadAsync(Url, path, Checksum.Sha256(new MemoryStream(Body)));

        Assert.Equal(Body, await File.ReadAllBytesAsync(path));
        Assert.Equal([""], _server.Ranges);
        Assert.Equal((Body.Length, (long?)Body.Length, "bytes"), (_progress.Done, _progress.Total, _progress.Unit));
        Assert.Equal(["file.bin"], Directory.GetFiles(_folder.Combine("data")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Truncated_partial_file_is_resumed_with_a_range_request()
    {
        var path = _folder.Combine("file.bin");
        await File.WriteAllBytesAsync(PartialOf(path), Body.AsSpan(0, 70_000).ToArray());

        await Downloader().DownloadAsync(Url, path, Checksum.Sha256(new MemoryStream(Body)));

        Assert.Equal(Body, await File.ReadAllBytesAsync(path));
        Assert.Equal(["bytes=70000-"], _server.Ranges);
        Assert.Equal((Body.Length, (long?)Body.Length), (_progress.Done, _progress.Total));
        Assert.False(File.Exists(PartialOf(path)));
    }

    [Fact]
    public async Task Partial_file_longer_than_the_resource_starts_over()
    {
        var path = _folder.Combine("file.bin");
        await File.WriteAllBytesAsync(PartialOf(path), new byte[Body.Length + 10]);

        await Downloader().DownloadAsync(Url, path);

        Assert.Equal(Body, await File.ReadAllBytesAsync(path));
        Assert.Equal([$"bytes={Body.Length + 10}-", ""], _server.Ranges);
    }

    [Fact]
    public async Task Checksum_mismatch_names_url_file_and_digests_and_leaves_nothing_behind()
    {
        var path = _folder.Combine("file.bin");
        var wrong = new string('0', 64);

        var error = await Assert.ThrowsAsync<DownloadException>(() => Downloader().DownloadAsync(Url, path, wrong));

        Assert.IsAssignableFrom<GanInputException>(error);
        Assert.Contains(Url.ToString(), error.Message);
        Assert.Contains(path, error.Message);
        Assert.Contains("checksum mismatch", error.Message);
        Assert.Contains(Checksum.Sha256(new MemoryStream(Body)), error.Message);
        Assert.Contains(wrong, error.Message);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Custom_check_can_refuse_the_file()
    {
        var path = _folder.Combine("file.bin");

        var error = await Assert.ThrowsAsync<DownloadException>(() =>
            Downloader().DownloadAsync(Url, path, verify: _ => "MD5 does not match"));

        Assert.Equal("MD5 does not match; the file was discarded", error.Reason);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Http_404_names_the_url_and_the_file()
    {
        var url = new Uri(_server.BaseUrl + "missing.bin");
        var path = _folder.Combine("missing.bin");

        var error = await Assert.ThrowsAsync<DownloadException>(() => Downloader().DownloadAsync(url, path));

        Assert.Equal($"Could not download {url} to {path}: HTTP 404 Not Found.", error.Message);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Refused_connection_says_so()
    {
        var url = new Uri($"http://127.0.0.1:{LocalHttpServer.FreePort()}/file");

        var error = await Assert.ThrowsAsync<DownloadException>(() => Downloader().DownloadAsync(url, _folder.Combine("file.bin")));

        Assert.StartsWith("ConnectionError", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_client_comes_from_the_hosts_factory_when_registered()
    {
        using var services = new ServiceCollection().AddGanToolkit().BuildServiceProvider();

        var client = SharedHttpClient.From(services);

        Assert.NotSame(SharedHttpClient.From(null), client);
        Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
        using var empty = new ServiceCollection().BuildServiceProvider();
        Assert.Same(SharedHttpClient.From(null), SharedHttpClient.From(empty));
    }

    private sealed class Progress : IProgressReporter, IProgressTask
    {
        public long Done { get; private set; }

        public long? Total { get; private set; }

        public string Unit { get; private set; } = "";

        public IProgressTask Start(string description, long? total, string unit = "items")
        {
            (Total, Unit) = (total, unit);
            return this;
        }

        public void Advance(long amount) => Done += amount;

        public void SetTotal(long total) => Total = total;

        public void Dispose()
        {
        }
    }
}

using Gan.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Plugins.Mnist.Tests;

public sealed class MnistDownloaderTests : IDisposable
{
    private static readonly HttpClient Http = new();
    private readonly LocalMirror _mirror = new();
    private readonly TemporaryDirectory _folder = new();
    private readonly RecordingProgressReporter _progress = new();

    public void Dispose()
    {
        _mirror.Dispose();
        _folder.Dispose();
    }

    private MnistDownloader Downloader(bool verify, params string[] mirrors) =>
        new(Http, mirrors, verify, _progress, NullLogger.Instance);

    [Fact]
    public async Task Download_falls_through_a_404_mirror_and_lands_the_verified_file_with_progress()
    {
        var file = MnistFile.TestLabels;
        var expected = await File.ReadAllBytesAsync(Path.Combine(TestData.MnistFolder, file.GzipName));

        var path = await Downloader(true, _mirror.Missing, _mirror.Real).DownloadAsync(file, _folder.Path, CancellationToken.None);

        Assert.Equal(_folder.Combine(file.GzipName), path);
        Assert.Equal(expected, await File.ReadAllBytesAsync(path));
        Assert.Equal(["/missing/" + file.GzipName, "/real/" + file.GzipName], _mirror.Requests);
        var task = Assert.Single(_progress.Tasks);
        Assert.Equal("bytes", task.Unit);
        Assert.Equal(expected.Length, task.Total);
        Assert.Equal(expected.Length, task.Done);
        Assert.True(task.Disposed);
        Assert.Equal([file.GzipName], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Checksum_mismatch_is_refused_naming_the_file_and_the_mirror_and_leaves_nothing_behind()
    {
        var error = await Assert.ThrowsAsync<GanInputException>(() =>
            Downloader(true, _mirror.Wrong).DownloadAsync(MnistFile.TrainLabels, _folder.Path, CancellationToken.None));

        Assert.Contains("checksum mismatch for train-labels-idx1-ubyte.gz", error.Message);
        Assert.Contains(_mirror.Wrong + "train-labels-idx1-ubyte.gz", error.Message);
        Assert.Contains(MnistFile.TrainLabels.GzipMd5, error.Message);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Unverified_download_keeps_whatever_the_mirror_served()
    {
        var path = await Downloader(false, _mirror.Wrong).DownloadAsync(MnistFile.TrainLabels, _folder.Path, CancellationToken.None);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task When_every_mirror_fails_the_error_lists_each_mirrors_failure()
    {
        var refused = $"http://127.0.0.1:{LocalHttpServer.FreePort()}/mnist/";

        var error = await Assert.ThrowsAsync<GanInputException>(() =>
            Downloader(true, refused, _mirror.Missing).DownloadAsync(MnistFile.TestImages, _folder.Path, CancellationToken.None));

        Assert.Contains("t10k-images-idx3-ubyte.gz", error.Message);
        Assert.Contains(_folder.Path, error.Message);
        Assert.Contains(refused + "t10k-images-idx3-ubyte.gz: ConnectionError", error.Message);
        Assert.Contains(_mirror.Missing + "t10k-images-idx3-ubyte.gz: HTTP 404", error.Message);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Cancellation_stops_the_download()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Downloader(true, _mirror.Real).DownloadAsync(MnistFile.TestLabels, _folder.Path, cancelled.Token));
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Data_source_downloads_missing_files_into_its_folder_and_loads_them()
    {
        var options = new MnistDataOptions { Path = "downloaded", Mirrors = [_mirror.Missing, _mirror.Real] };
        using var source = new MnistDataSource(TestData.Context(_folder.Path, _progress), options, Http);

        await source.PrepareAsync(CancellationToken.None);

        Assert.Equal(
            MnistFile.All.Select(f => f.GzipName).Order(),
            Directory.GetFiles(Path.Combine(_folder.Path, "downloaded")).Select(Path.GetFileName).Order());
        Assert.Equal(938, source.BatchesPerEpoch(DataSplit.Train));
        Assert.Equal(4, _progress.Tasks.Count);
    }
}

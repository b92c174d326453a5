using System.IO.Compression;
using Gan.Abstractions;
using Gan.Plugins.CycleGan.Data;

namespace Gan.Plugins.CycleGan.Tests;

public sealed class DatasetDownloadTests
{
    /// <summary>A zip laid out like the reference's: NAME/trainA/..., NAME/trainB/..., NAME/testA/..., NAME/testB/...</summary>
    private static byte[] DatasetZip(string name)
    {
        using var staging = new TemporaryDirectory();
        TestImages.Dataset(staging.Combine(name), count: 2);
        var zip = Path.Combine(Path.GetTempPath(), $"cyclegan-zip-{Guid.NewGuid():N}.zip");
        ZipFile.CreateFromDirectory(staging.Path, zip);
        var bytes = File.ReadAllBytes(zip);
        File.Delete(zip);
        return bytes;
    }

    [Fact]
    public async Task Named_dataset_is_downloaded_unzipped_into_the_data_root_with_progress()
    {
        var zip = DatasetZip("apple2orange");
        using var server = new LocalHttpServer(path => path == "/datasets/apple2orange.zip" ? zip : null);
        using var folder = new TemporaryDirectory();
        var progress = new RecordingProgress();
        var options = new UnalignedImagesOptions
        {
            Dataset = "apple2orange", Download = true, BaseUrl = server.BaseUrl + "datasets", LoadSize = 12, CropSize = 8,
        };
        var source = new UnalignedImagesDataSource(TestImages.Context(folder.Path, progress), options, new HttpClient());

        await source.PrepareAsync(CancellationToken.None);

        Assert.True(File.Exists(folder.Combine("apple2orange", "trainA", "a0.png")));
        Assert.True(File.Exists(folder.Combine("apple2orange", "testB", "b1.png")));
        Assert.True(source.BatchesPerEpoch(DataSplit.Train) > 0);
        Assert.Equal(zip.Length, progress.Advanced);
        Assert.Contains(progress.Started, s => s.Description.Contains("apple2orange", StringComparison.Ordinal) && s.Total == zip.Length);
        Assert.Empty(Directory.GetFiles(folder.Path)); // no leftover .zip.part
    }

    [Fact]
    public async Task Existing_dataset_is_not_downloaded_again()
    {
        using var server = new LocalHttpServer(_ => null);
        using var folder = new TemporaryDirectory();
        TestImages.Dataset(folder.Combine("maps"));
        var options = new UnalignedImagesOptions { Dataset = "maps", Download = true, BaseUrl = server.BaseUrl, LoadSize = 12, CropSize = 8 };
        var source = new UnalignedImagesDataSource(TestImages.Context(folder.Path), options, new HttpClient());

        await source.PrepareAsync(CancellationToken.None);

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Http_error_names_the_url()
    {
        using var server = new LocalHttpServer(_ => null);
        using var folder = new TemporaryDirectory();
        var options = new UnalignedImagesOptions { Dataset = "facades", Download = true, BaseUrl = server.BaseUrl, LoadSize = 12, CropSize = 8 };
        var source = new UnalignedImagesDataSource(TestImages.Context(folder.Path), options, new HttpClient());

        var error = await Assert.ThrowsAsync<GanInputException>(() => source.PrepareAsync(CancellationToken.None));

        Assert.Contains(server.BaseUrl + "facades.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("facades")));
    }

    [Fact]
    public async Task Unknown_dataset_name_lists_the_known_ones()
    {
        using var folder = new TemporaryDirectory();
        var options = new UnalignedImagesOptions { Dataset = "cats2dogs", Download = true, LoadSize = 12, CropSize = 8 };
        var source = new UnalignedImagesDataSource(TestImages.Context(folder.Path), options, new HttpClient());

        var error = await Assert.ThrowsAsync<GanInputException>(() => source.PrepareAsync(CancellationToken.None));

        Assert.Contains("cats2dogs", error.Message, StringComparison.Ordinal);
        Assert.Contains("horse2zebra", error.Message, StringComparison.Ordinal);
    }
}

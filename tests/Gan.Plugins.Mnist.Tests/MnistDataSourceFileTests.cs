using Gan.Abstractions;
using TorchSharp;

namespace Gan.Plugins.Mnist.Tests;

public sealed class MnistDataSourceFileTests : IDisposable
{
    private static readonly HttpClient NoNetwork = new();
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private MnistDataSource Source(MnistDataOptions options) => new(TestData.Context(_root.Path), options, NoNetwork);

    [Fact]
    public async Task Missing_file_with_download_disabled_names_the_file_the_folder_and_the_fix()
    {
        using var source = Source(new MnistDataOptions { Path = "nowhere", Download = false });

        var error = await Assert.ThrowsAsync<GanInputException>(() => source.PrepareAsync(CancellationToken.None));

        Assert.Contains("train-images-idx3-ubyte.gz", error.Message);
        Assert.Contains(Path.Combine(_root.Path, "nowhere"), error.Message);
        Assert.Contains("download: true", error.Message);
        Assert.Contains("data_root", error.Message);
    }

    [Fact]
    public async Task The_run_records_both_splits_as_datasets_whose_digest_changes_when_a_file_changes()
    {
        var folder = _root.Combine("mnist");
        TestData.WriteTinyMnist(folder, trainImages: 5, trainLabels: 5, testCount: 3);
        IReadOnlyList<DatasetInfo> before;
        using (var source = Source(new MnistDataOptions()))
        {
            await source.PrepareAsync(CancellationToken.None);
            before = source.GetDatasets();
        }

        Assert.Equal(["mnist-train", "mnist-test"], before.Select(d => d.Name));
        Assert.Equal([DatasetInfo.TrainingContext, DatasetInfo.ValidationContext], before.Select(d => d.Context));
        Assert.Equal((5L, 3L), (before[0].Profile["images"], before[1].Profile["images"]));
        Assert.All(before, d => Assert.Equal(folder, d.Source));
        Assert.Matches("^[0-9a-f]{16}$", before[0].Digest);

        // Rewrite one training image file with other pixels: the training digest changes, the test digest does not.
        var images = TestData.Images(5, 28, 28);
        images[^1] ^= 0xFF;
        File.WriteAllBytes(Path.Combine(folder, "train-images-idx3-ubyte.gz"), TestData.Gzip(images));
        using var changed = Source(new MnistDataOptions());
        await changed.PrepareAsync(CancellationToken.None);

        Assert.NotEqual(before[0].Digest, changed.GetDatasets()[0].Digest);
        Assert.Equal(before[1].Digest, changed.GetDatasets()[1].Digest);
    }

    [Fact]
    public async Task Image_and_label_count_mismatch_names_both_files()
    {
        var folder = _root.Combine("mnist");
        TestData.WriteTinyMnist(folder, trainImages: 3, trainLabels: 2);
        using var source = Source(new MnistDataOptions());

        var error = await Assert.ThrowsAsync<GanInputException>(() => source.PrepareAsync(CancellationToken.None));

        Assert.Contains(Path.Combine(folder, "train-images-idx3-ubyte.gz"), error.Message);
        Assert.Contains(Path.Combine(folder, "train-labels-idx1-ubyte.gz"), error.Message);
        Assert.Contains("3 images", error.Message);
        Assert.Contains("2 labels", error.Message);
    }

    [Fact]
    public async Task Raw_files_are_read_in_file_order_without_shuffle_and_the_last_partial_batch_is_kept()
    {
        TestData.WriteTinyMnist(_root.Combine("digits"), trainImages: 5, trainLabels: 5, gzip: false);
        using var source = Source(new MnistDataOptions { Path = "digits", BatchSize = 2, Shuffle = false });
        await source.PrepareAsync(CancellationToken.None);
        using var scope = torch.NewDisposeScope();

        var batches = source.ReadEpoch(new EpochRequest(DataSplit.Train, 0, 1), CancellationToken.None).ToList();

        Assert.Equal(3, source.BatchesPerEpoch(DataSplit.Train));
        Assert.Equal([2L, 2, 1], batches.Select(b => b.Count));
        // Image i is filled with pixel value i, so its first pixel is i/127.5 - 1.
        var firstPixels = batches.SelectMany(b => b.Samples[.., 0, 0, 0].data<float>().ToArray()).ToArray();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (float)((i / 127.5) - 1)), firstPixels);
        Assert.Equal([0L, 1, 2, 3, 4], batches.SelectMany(b => b[Batch.TargetsKey].data<long>().ToArray()));
        batches.ForEach(b => b.Dispose());
    }

    [Fact]
    public async Task Images_that_are_not_three_dimensional_are_refused_naming_the_file()
    {
        var folder = _root.Combine("mnist");
        TestData.WriteTinyMnist(folder, trainImages: 2, trainLabels: 2);
        var images = Path.Combine(folder, "train-images-idx3-ubyte.gz");
        File.WriteAllBytes(images, TestData.Gzip(TestData.Idx([2, 4], new byte[8])));
        using var source = Source(new MnistDataOptions());

        var error = await Assert.ThrowsAsync<GanInputException>(() => source.PrepareAsync(CancellationToken.None));

        Assert.Contains(images, error.Message);
        Assert.Contains("2×4", error.Message);
    }

    [Fact]
    public async Task Asking_for_a_split_mnist_does_not_have_is_an_input_error()
    {
        TestData.WriteTinyMnist(_root.Combine("mnist"), trainImages: 2, trainLabels: 2);
        using var source = Source(new MnistDataOptions());
        await source.PrepareAsync(CancellationToken.None);

        var error = Assert.Throws<GanInputException>(() => source.BatchesPerEpoch(DataSplit.Validation));

        Assert.Contains("Validation", error.Message);
    }

    [Fact]
    public void Reading_before_preparing_says_what_to_do()
    {
        using var source = Source(new MnistDataOptions());

        var error = Assert.Throws<InvalidOperationException>(() => source.BatchesPerEpoch(DataSplit.Train));

        Assert.Contains("PrepareAsync", error.Message);
    }
}

using Gan.Abstractions;
using Gan.Plugins.CycleGan.Data;

namespace Gan.Plugins.CycleGan.Tests;

public sealed class UnalignedImagesDataSourceTests
{
    [Fact]
    public async Task Batches_hold_A_and_B_as_three_channel_crops_in_minus_one_to_one()
    {
        using var folder = new TemporaryDirectory();
        var root = TestImages.Dataset(folder.Combine("set"), count: 3);
        // Mixed formats in one domain: grey PNG, RGBA PNG and JPEG of other sizes all become 3-channel crops.
        TestImages.WritePng(Path.Combine(root, "trainA", "grey.png"), 20, 9, 128);
        TestImages.WritePng(Path.Combine(root, "trainA", "rgba.png"), 7, 15, 0, 255, 0, 10);
        TestImages.WriteJpeg(Path.Combine(root, "trainA", "photo.jpg"), 30, 30, 255, 255, 255);
        var source = TestImages.Source(root);
        await source.PrepareAsync(CancellationToken.None);

        var batches = source.ReadEpoch(new EpochRequest(DataSplit.Train, 0, 1), CancellationToken.None).ToList();

        Assert.Equal(3, source.BatchesPerEpoch(DataSplit.Train)); // max(6 A, 3 B) = 6 items, batch 2
        Assert.Equal(3, batches.Count);
        foreach (var batch in batches)
        {
            Assert.Equal([2L, 3, 8, 8], batch["A"].shape);
            Assert.Equal([2L, 3, 8, 8], batch["B"].shape);
            Assert.True(batch["A"].min().item<float>() >= -1f && batch["A"].max().item<float>() <= 1f);
            batch.Dispose();
        }
    }

    [Fact]
    public async Task Same_seed_and_epoch_give_the_same_batches_and_another_epoch_differs()
    {
        using var folder = new TemporaryDirectory();
        var root = TestImages.Dataset(folder.Combine("set"), count: 6);
        var source = TestImages.Source(root);
        await source.PrepareAsync(CancellationToken.None);

        float[] Read(int epoch) => source.ReadEpoch(new EpochRequest(DataSplit.Train, epoch, 3), CancellationToken.None)
            .SelectMany(b => { var v = TorchSharp.torch.cat([b["A"], b["B"]], 0).data<float>().ToArray(); b.Dispose(); return v; })
            .ToArray();

        Assert.Equal(Read(0), Read(0));
        Assert.NotEqual(Read(0), Read(1));
    }

    [Fact]
    public async Task Missing_domain_folder_names_it()
    {
        using var folder = new TemporaryDirectory();
        var root = TestImages.Dataset(folder.Combine("set"));
        Directory.Delete(Path.Combine(root, "trainB"), recursive: true);
        var source = TestImages.Source(root);

        var error = await Assert.ThrowsAsync<GanInputException>(() => source.PrepareAsync(CancellationToken.None));

        Assert.Contains(Path.Combine(root, "trainB"), error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_domain_folder_names_it()
    {
        using var folder = new TemporaryDirectory();
        var root = TestImages.Dataset(folder.Combine("set"));
        foreach (var file in Directory.GetFiles(Path.Combine(root, "trainA")))
        {
            File.Delete(file);
        }

        File.WriteAllText(Path.Combine(root, "trainA", "notes.txt"), "not an image");
        var source = TestImages.Source(root);

        var error = await Assert.ThrowsAsync<GanInputException>(() => source.PrepareAsync(CancellationToken.None));

        Assert.Contains(Path.Combine(root, "trainA"), error.Message, StringComparison.Ordinal);
        Assert.Contains("no readable images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_that_is_not_an_image_fails_preparation_naming_the_file()
    {
        using var folder = new TemporaryDirectory();
        var root = TestImages.Dataset(folder.Combine("set"));
        var bad = Path.Combine(root, "trainB", "zz-bad.jpg");
        File.WriteAllText(bad, "this is text, not a JPEG");
        var source = TestImages.Source(root);

        var error = await Assert.ThrowsAsync<GanInputException>(() => source.PrepareAsync(CancellationToken.None));

        Assert.Contains(bad, error.Message, StringComparison.Ordinal);
        Assert.Contains("skip_bad_files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_image_fails_while_reading_naming_the_file()
    {
        using var folder = new TemporaryDirectory();
        var root = TestImages.Dataset(folder.Combine("set"), count: 2);
        var truncated = Truncate(Path.Combine(root, "trainA", "a1.png"));
        var source = TestImages.Source(root);
        await source.PrepareAsync(CancellationToken.None);

        var error = Assert.Throws<GanInputException>(() =>
            source.ReadEpoch(new EpochRequest(DataSplit.Train, 0, 1), CancellationToken.None).ToList());

        Assert.Contains(truncated, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_bad_files_skips_and_counts_unreadable_images()
    {
        using var folder = new TemporaryDirectory();
        var root = TestImages.Dataset(folder.Combine("set"), count: 3);
        File.WriteAllText(Path.Combine(root, "trainB", "zz-bad.png"), "text");
        Truncate(Path.Combine(root, "trainA", "a1.png"));
        var source = TestImages.Source(root, o => o.SkipBadFiles = true);
        await source.PrepareAsync(CancellationToken.None);

        var batches = source.ReadEpoch(new EpochRequest(DataSplit.Train, 0, 1), CancellationToken.None).ToList();

        Assert.Equal(2, source.SkippedFiles);
        Assert.Equal(3, batches.Sum(b => b["A"].shape[0])); // max(3 A, 3 readable B) items
        Assert.Equal(3, batches.Sum(b => b["B"].shape[0]));
        batches.ForEach(b => b.Dispose());
    }

    [Fact]
    public async Task Test_split_is_resized_without_random_crop_or_flip()
    {
        using var folder = new TemporaryDirectory();
        var root = TestImages.Dataset(folder.Combine("set"));
        var source = TestImages.Source(root);
        await source.PrepareAsync(CancellationToken.None);

        using var batch = source.ReadEpoch(new EpochRequest(DataSplit.Test, 0, 1), CancellationToken.None).Single();
        var (a, b) = source.FixedImages(2);

        Assert.Equal(a.data<float>().ToArray(), batch["A"].data<float>().ToArray());
        Assert.Equal(b.data<float>().ToArray(), batch["B"].data<float>().ToArray());
        a.Dispose();
        b.Dispose();
    }

    /// <summary>Keeps the PNG signature and header (so the file still looks like an image) and garbles the pixel data.</summary>
    private static string Truncate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Array.Fill(bytes, (byte)0xA5, 41, bytes.Length - 41);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

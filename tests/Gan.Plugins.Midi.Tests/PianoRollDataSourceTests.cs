using Gan.Abstractions;
using Gan.Plugins.Midi.PianoRoll;
using Gan.Toolkit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace Gan.Plugins.Midi.Tests;

public sealed class PianoRollDataSourceTests
{
    private static ComponentContext Context(TemporaryDirectory temp) => new(
        CPU, 5, temp.Combine("data"), temp.Combine("cache"), NullLoggerFactory.Instance, NullProgressReporter.Instance,
        new ServiceCollection().BuildServiceProvider());

    private static PianoRollDataOptions Options() => new()
    {
        Path = "songs", BatchSize = 4, Tracks = ["drums", "piano", "bass"], Bars = 2, StepsPerBar = 16, Pitches = 48, LowestPitch = 36,
    };

    [Fact]
    public async Task Folder_becomes_batches_of_segments_and_a_second_run_loads_the_cache()
    {
        using var temp = new TemporaryDirectory();
        TestMidiFolder.Write(temp.Combine("data", "songs"), files: 3, bars: 6);
        temp.WriteFile("data/songs/corrupt.mid", "MThd"u8.ToArray());

        var first = new PianoRollDataSource(Context(temp), Options());
        await first.PrepareAsync(CancellationToken.None);
        var second = new PianoRollDataSource(Context(temp), Options());
        await second.PrepareAsync(CancellationToken.None);

        Assert.False(first.LoadedFromCache);
        Assert.True(second.LoadedFromCache);
        Assert.Equal(9, second.Dataset.Count);                  // 3 files × 3 two-bar segments
        Assert.Equal(3, second.Dataset.Files);
        Assert.Contains("corrupt.mid", Assert.Single(second.Dataset.Skipped).Path);
        Assert.Equal(first.Dataset.Cells, second.Dataset.Cells);
        Assert.Equal(2, second.BatchesPerEpoch(DataSplit.Train));
        var batches = second.ReadEpoch(new EpochRequest(DataSplit.Train, 0, 5), CancellationToken.None).ToList();
        Assert.Equal([4L, 3, 2, 16, 48], batches[0].Samples.shape);
        Assert.Equal([-1f, 1f], batches[0].Samples.unique().output.data<float>().ToArray());
        batches.ForEach(b => b.Dispose());
    }

    [Fact]
    public async Task Changing_a_file_or_an_option_builds_a_new_cache()
    {
        using var temp = new TemporaryDirectory();
        TestMidiFolder.Write(temp.Combine("data", "songs"), files: 2, bars: 4);
        var source = new PianoRollDataSource(Context(temp), Options());
        await source.PrepareAsync(CancellationToken.None);

        var options = Options();
        options.MinNotes = 1000;
        var stricter = new PianoRollDataSource(Context(temp), options);
        var error = await Assert.ThrowsAsync<GanInputException>(() => stricter.PrepareAsync(CancellationToken.None));
        Assert.Contains("no piano-roll segments", error.Message);

        File.SetLastWriteTimeUtc(Directory.GetFiles(temp.Combine("data", "songs"), "*.mid", SearchOption.AllDirectories)[0], DateTime.UtcNow.AddMinutes(1));
        var touched = new PianoRollDataSource(Context(temp), Options());
        await touched.PrepareAsync(CancellationToken.None);
        Assert.False(touched.LoadedFromCache);
        Assert.NotEqual(source.CacheFile, touched.CacheFile);
    }
}

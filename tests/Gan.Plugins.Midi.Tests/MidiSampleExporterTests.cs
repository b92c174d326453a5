using Gan.Abstractions;
using Gan.Plugins.Midi.PianoRoll;
using Gan.Plugins.Midi.Samples;
using Gan.Plugins.Midi.Smf;
using Gan.Toolkit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace Gan.Plugins.Midi.Tests;

public sealed class MidiSampleExporterTests
{
    [Fact]
    public void Each_generated_segment_becomes_a_midi_file_whose_notes_read_back_on_the_grid()
    {
        using var temp = new TemporaryDirectory();
        var context = new ComponentContext(CPU, 5, temp.Combine("data"), temp.Combine("cache"), NullLoggerFactory.Instance, NullProgressReporter.Instance,
            new ServiceCollection().BuildServiceProvider());
        var options = new PianoRollDataOptions { Path = "songs", Tracks = ["drums", "piano"], Bars = 1, StepsPerBar = 16, Pitches = 24, LowestPitch = 48 };
        using var samples = full([2, 2, 1, 16, 24], -1f); // (N, tracks, bars, steps, pitches), values in [-1, 1]: all off
        samples[0, 1, 0, 0, 5] = tensor(1f); // segment 0: piano, first step, pitch 48 + 5, held for one step
        samples[1, 0, 0, 4, 0] = tensor(1f); // segment 1: drums, fifth step, pitch 48
        var run = new DataOnlyRun(new PianoRollDataSource(context, options), context);

        var files = new MidiSampleExporter().Export(new SampleExportRequest(samples, run, temp.Path, Seed: 1));

        Assert.Equal(["segment-0000.mid", "segment-0001.mid", "all-segments.mid", "pianoroll.png"], files.Select(Path.GetFileName));
        var layout = options.ToLayout();
        var first = PianoRollConverter.Convert(MidiFileReader.Read(files[0]), layout);
        var second = PianoRollConverter.Convert(MidiFileReader.Read(files[1]), layout);
        Assert.Equal(1, first.Notes);
        Assert.Equal(1, second.Notes);
    }
}

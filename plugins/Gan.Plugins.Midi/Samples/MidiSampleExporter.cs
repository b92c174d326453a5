using System.Globalization;
using Gan.Abstractions;
using Gan.Plugins.Midi.Metrics;
using Gan.Plugins.Midi.PianoRoll;
using Gan.Plugins.Midi.Smf;

namespace Gan.Plugins.Midi.Samples;

/// <summary>
/// <c>gan sample</c> for MuseGAN runs: each generated segment, binarised as the <c>midi-samples</c> renderer does, as its
/// own multi-track .mid, all of them in one .mid with a bar of silence between, and a piano-roll PNG of them all.
/// </summary>
internal sealed class MidiSampleExporter : ISampleExporter
{
    public IReadOnlyList<string> DataSources { get; } = ["midi-pianoroll"];

    public IReadOnlyList<string> Export(SampleExportRequest request)
    {
        var data = request.Run.CreateDataSource();
        try
        {
            var source = data as PianoRollDataSource ?? throw new GanInputException("gan sample: this run's data is not a piano-roll source.");
            var rolls = BinaryRolls.FromTensor(request.Samples, source.Layout, GeneratedSegments.Threshold(source.ValueRange, threshold: null));
            var segments = Enumerable.Range(0, rolls.Count).Select(rolls.Segment).ToList();
            var written = new List<string>(segments.Count + 2);
            for (var i = 0; i < segments.Count; i++)
            {
                var file = Path.Combine(request.Folder, string.Create(CultureInfo.InvariantCulture, $"segment-{i:D4}.mid"));
                var midi = PianoRollToMidi.Convert([segments[i]], source.Layout, title: $"Gan.Pipeline MuseGAN sample {i} (seed {request.Seed})");
                File.WriteAllBytes(file, MidiFileWriter.Write(midi));
                written.Add(file);
            }

            var all = Path.Combine(request.Folder, "all-segments.mid");
            File.WriteAllBytes(all, MidiFileWriter.Write(PianoRollToMidi.Convert(segments, source.Layout, title: $"Gan.Pipeline MuseGAN samples (seed {request.Seed})")));
            var image = Path.Combine(request.Folder, "pianoroll.png");
            File.WriteAllBytes(image, PianoRollImage.ToPng(rolls));
            written.Add(all);
            written.Add(image);
            return written;
        }
        finally
        {
            (data as IDisposable)?.Dispose();
        }
    }
}

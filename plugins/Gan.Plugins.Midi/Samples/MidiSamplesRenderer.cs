using Gan.Abstractions;
using Gan.Plugins.Midi.PianoRoll;
using Gan.Plugins.Midi.Smf;

namespace Gan.Plugins.Midi.Samples;

/// <summary>
/// The <c>midi-samples</c> renderer: the generator's segments for a fixed set of latents, binarised, as a
/// multi-track .mid (programs per track, drums on channel 10, the chosen tempo) and a piano-roll PNG.
/// </summary>
internal sealed class MidiSamplesRenderer : ISampleRenderer, IDisposable
{
    private readonly MidiSamplesOptions _options;
    private readonly GeneratedSegments _segments;

    public MidiSamplesRenderer(MidiSamplesOptions options)
    {
        _options = options;
        _segments = new GeneratedSegments(options.Generator, options.Count, 0x3D1D);
    }

    public IReadOnlyList<SampleArtifact> Render(ITrainingContext context)
    {
        var source = GeneratedSegments.Source(context, "midi-samples");
        var rolls = _segments.Generate(context, source.Layout, GeneratedSegments.Threshold(source.ValueRange, _options.Threshold));
        var segments = Enumerable.Range(0, rolls.Count).Select(rolls.Segment).ToList();
        var midi = PianoRollToMidi.Convert(segments, source.Layout, _options.Tempo, _options.Velocity, _options.GapBars,
            $"{context.StageName} step {context.Step}");
        return
        [
            new SampleArtifact(_options.Key, "mid", MidiFileWriter.Write(midi)),
            new SampleArtifact(_options.Key, "png", PianoRollImage.ToPng(rolls, _options.PixelWidth, _options.PixelHeight)),
        ];
    }

    public void Dispose() => _segments.Dispose();
}

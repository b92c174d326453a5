using Gan.Abstractions;
using Gan.Plugins.Midi.Metrics;
using Gan.Plugins.Midi.Model;
using Gan.Plugins.Midi.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace Gan.Plugins.Midi;

/// <summary>
/// Entry point of the MIDI plugin: the <c>midi-pianoroll</c> data source, MuseGAN's <c>musegan</c> generator and
/// discriminator, the <c>midi-samples</c> renderer and the <c>musegan-metrics</c> metric.
/// </summary>
public sealed class MidiPlugin : IGanPlugin
{
    /// <inheritdoc />
    public void Configure(IServiceCollection services)
    {
        services.AddSingleton<ISampleExporter, MidiSampleExporter>();
        services.AddGanComponent<IDataSource, PianoRollDataOptions>(
            "midi-pianoroll", (context, options) => new PianoRollDataSource(context, options),
            "A folder of MIDI files as multi-track piano-roll segments (tracks × bars × steps × pitches), cached on disk.");
        services.AddGanComponent<IGenerator, MuseGanGeneratorOptions>(
            "musegan", (_, options) => new MuseGanGenerator(options),
            "MuseGAN's hybrid generator: shared and per-track noise, temporal generators, a bar generator per track.");
        services.AddGanComponent<IDiscriminator, MuseGanDiscriminatorOptions>(
            "musegan", (_, options) => new MuseGanDiscriminator(options),
            "A 3-D convolutional critic over the whole multi-track segment (one unbounded score).");
        services.AddGanComponent<ISampleRenderer, MidiSamplesOptions>(
            "midi-samples", (_, options) => new MidiSamplesRenderer(options),
            "Generated segments as a multi-track .mid (GM programs, drums on channel 10) and a piano-roll PNG.");
        services.AddGanComponent<IMetric, MuseGanMetricOptions>(
            "musegan-metrics", (_, options) => new MuseGanMetric(options),
            "MuseGAN's EB, UPC, QN, DP and TD on generated and real segments.");
    }
}

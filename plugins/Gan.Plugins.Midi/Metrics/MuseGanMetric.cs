using Gan.Abstractions;
using Gan.Plugins.Midi.PianoRoll;
using Gan.Plugins.Midi.Samples;

namespace Gan.Plugins.Midi.Metrics;

/// <summary>
/// The <c>musegan-metrics</c> metric: MuseGAN's EB, UPC, QN (pitched tracks), DP (drums) and TD (pairs of pitched
/// tracks) on generated segments (<c>fake.*</c>) and on real training segments (<c>real.*</c>), keyed by track,
/// for example <c>fake.EB.piano</c> or <c>real.TD.piano_guitar</c>. Undefined values (no notes) are left out.
/// </summary>
internal sealed class MuseGanMetric : IMetric, IDisposable
{
    private readonly MuseGanMetricOptions _options;
    private readonly GeneratedSegments _segments;
    private Dictionary<string, double>? _real;

    public MuseGanMetric(MuseGanMetricOptions options)
    {
        _options = options;
        _segments = new GeneratedSegments(options.Generator, options.Samples, 0x3E7A);
    }

    public IReadOnlyDictionary<string, double> Evaluate(ITrainingContext context)
    {
        var source = GeneratedSegments.Source(context, "musegan-metrics");
        var threshold = GeneratedSegments.Threshold(source.ValueRange, _options.Threshold);
        var values = Compute(_segments.Generate(context, source.Layout, threshold), "fake");
        _real ??= Compute(RealSegments(source), "real");
        foreach (var (key, value) in _real)
        {
            values[key] = value;
        }

        return values;
    }

    /// <summary>All metrics of <paramref name="rolls"/> under <paramref name="prefix"/>.</summary>
    internal Dictionary<string, double> Compute(BinaryRolls rolls, string prefix)
    {
        var tracks = rolls.Layout.Tracks;
        var values = new Dictionary<string, double>();
        void Add(string key, double value)
        {
            if (double.IsFinite(value))
            {
                values[$"{prefix}.{key}"] = value;
            }
        }

        for (var t = 0; t < tracks.Count; t++)
        {
            var name = tracks[t].Name;
            Add($"EB.{name}", MuseGanMetrics.EmptyBarRate(rolls, t));
            if (tracks[t].IsDrum)
            {
                Add($"DP.{name}", MuseGanMetrics.DrumPatternRate(rolls, t, _options.DrumTolerance));
                continue;
            }

            Add($"UPC.{name}", MuseGanMetrics.UsedPitchClasses(rolls, t));
            Add($"QN.{name}", MuseGanMetrics.QualifiedNoteRate(rolls, t, _options.QualifiedNoteSteps));
            for (var u = t + 1; u < tracks.Count; u++)
            {
                if (!tracks[u].IsDrum)
                {
                    Add($"TD.{name}_{tracks[u].Name}", MuseGanMetrics.TonalDistance(rolls, t, u));
                }
            }
        }

        return values;
    }

    private BinaryRolls RealSegments(PianoRollDataSource source)
    {
        var dataset = source.Dataset;
        var count = Math.Min(_options.RealSamples, dataset.Count);
        // An even spread over the dataset, so the sample is not just the first file.
        var cells = new bool[count * dataset.Layout.CellsPerSegment];
        for (var i = 0; i < count; i++)
        {
            var index = (int)((long)i * dataset.Count / count);
            for (var c = 0; c < dataset.Layout.CellsPerSegment; c++)
            {
                cells[(i * dataset.Layout.CellsPerSegment) + c] = dataset.Cells[(index * dataset.Layout.CellsPerSegment) + c] != 0;
            }
        }

        return new BinaryRolls(dataset.Layout, count, cells);
    }

    public void Dispose() => _segments.Dispose();
}

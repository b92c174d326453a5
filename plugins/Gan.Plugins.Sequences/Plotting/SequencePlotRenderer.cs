using Gan.Abstractions;
using Gan.Plugins.Sequences.Data;
using Gan.Plugins.Sequences.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Plugins.Sequences.Plotting;

/// <summary>
/// Plots generated sequences from one fixed set of latents (a private random stream, so successive images show
/// the same noise developing and rendering never changes the training), each panel beside a real validation
/// sequence in grey for scale, in the data's own units.
/// </summary>
internal sealed class SequencePlotRenderer : ISampleRenderer, IDisposable
{
    private readonly SequencePlotOptions _options;
    private readonly int _seed;
    private Tensor? _latents;
    private Tensor? _real;

    public SequencePlotRenderer(SequencePlotOptions options, int seed)
    {
        _options = options;
        _seed = seed;
    }

    public IReadOnlyList<SampleArtifact> Render(ITrainingContext context)
    {
        if (!StageFilter.Applies(_options.Stages, context.StageName))
        {
            return [];
        }

        var generator = context.Networks.Get<IGenerator>(_options.Generator);
        var shape = generator.LatentShape ?? throw new GanInputException(
            $"sequence-plot needs a generator that samples noise; '{_options.Generator}' takes data as input.");
        if (_latents is null)
        {
            using var random = new Generator((ulong)_seed + 0x5E9, context.Device);
            _latents = randn([_options.Count, .. shape], generator: random, device: context.Device).DetachFromDisposeScope();
        }

        _real ??= RealSequences.Read(context.Data, DataSplit.Validation, _options.Count, context.Seed).to(ScalarType.Float64).DetachFromDisposeScope();
        var scaler = context.Data is IScaledSeries scaled ? scaled.Scaler : SeriesScaler.Identity;
        var generated = generator.Generate(_latents).detach().cpu().to(ScalarType.Float64);
        generated = generated.reshape(generated.shape[0], -1);
        // (N, T)
        var panels = new List<(string, IReadOnlyList<PlotSeries>, double?)>();
        for (var n = 0; n < generated.shape[0]; n++)
        {
            var values = generated[n].data<double>().Select(scaler.Inverse).ToArray();
            var steps = Enumerable.Range(0, values.Length).Select(t => (double)t).ToArray();
            var series = new List<PlotSeries>();
            if (n < _real.shape[0])
            {
                series.Add(new PlotSeries("REAL", new Rgb(170, 170, 170), steps, _real[n].data<double>().Select(scaler.Inverse).ToArray()));
            }

            series.Add(new PlotSeries("GENERATED", Rgb.Blue, steps, values));
            panels.Add(($"SAMPLE {n + 1}  STEP {context.Step}", series, null));
        }

        return [new SampleArtifact(_options.Key, "png", LinePlot.Stack(_options.Width, _options.PanelHeight, panels))];
    }

    public void Dispose()
    {
        _latents?.Dispose();
        _real?.Dispose();
    }
}

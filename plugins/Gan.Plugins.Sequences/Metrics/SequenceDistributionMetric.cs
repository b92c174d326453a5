using Gan.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Plugins.Sequences.Metrics;

/// <summary>
/// How close generated sequences are to real ones: the 1-D Wasserstein distance between the distributions of
/// dominant frequency (<c>freq_w1</c>, cycles per step) and of amplitude (<c>amp_w1</c>), the MMD² between the
/// sequences themselves (<c>mmd2</c>), and the generated means. Generated sequences come from one fixed set of
/// latents drawn from a private random stream, so successive values differ only because the generator changed,
/// and evaluation never consumes the training's random numbers.
/// </summary>
internal sealed class SequenceDistributionMetric : IMetric, IDisposable
{
    private readonly SequenceDistributionOptions _options;
    private readonly int _seed;
    private Tensor? _latents;
    private Tensor? _real;
    private double[] _realFrequencies = [];
    private double[] _realAmplitudes = [];

    public SequenceDistributionMetric(SequenceDistributionOptions options, int seed)
    {
        _options = options;
        _seed = seed;
    }

    public IReadOnlyDictionary<string, double> Evaluate(ITrainingContext context)
    {
        if (!StageFilter.Applies(_options.Stages, context.StageName))
        {
            return new Dictionary<string, double>();
        }

        var generator = context.Networks.Get<IGenerator>(_options.Generator);
        var shape = generator.LatentShape ?? throw new GanInputException(
            $"sequence-distribution needs a generator that samples noise; '{_options.Generator}' takes data as input.");
        if (_real is null)
        {
            _real = RealSequences.Read(context.Data, DataSplit.Validation, _options.Count, context.Seed);
            _realFrequencies = SequenceStatistics.DominantFrequencies(_real);
            _realAmplitudes = SequenceStatistics.Amplitudes(_real);
        }

        if (_latents is null)
        {
            using var random = new Generator((ulong)_seed + 0x5E0, context.Device);
            _latents = randn([_options.Count, .. shape], generator: random, device: context.Device).DetachFromDisposeScope();
        }

        using var generated = generator.Generate(_latents).detach().cpu().to(ScalarType.Float32);
        using var rows = generated.reshape(generated.shape[0], -1);
        // (N, T)
        var frequencies = SequenceStatistics.DominantFrequencies(rows);
        var amplitudes = SequenceStatistics.Amplitudes(rows);
        return new Dictionary<string, double>
        {
            ["freq_w1"] = SequenceStatistics.Wasserstein1(frequencies, _realFrequencies),
            ["amp_w1"] = SequenceStatistics.Wasserstein1(amplitudes, _realAmplitudes),
            ["mmd2"] = SequenceStatistics.Mmd2(rows, _real),
            ["gen_freq_mean"] = frequencies.Average(),
            ["gen_amp_mean"] = amplitudes.Average(),
            ["real_freq_mean"] = _realFrequencies.Average(),
        };
    }

    public void Dispose()
    {
        _latents?.Dispose();
        _real?.Dispose();
    }
}

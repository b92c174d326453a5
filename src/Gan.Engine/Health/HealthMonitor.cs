using Gan.Abstractions;
using Gan.Engine.Training;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Engine.Health;

/// <summary>
/// Watches one stage for the silent failures of GAN training. Non-finite weights stop the run (a non-finite
/// loss already does) and leave the last good snapshot of the networks in place; a discriminator that keeps
/// winning and a generator whose samples lose their diversity raise warnings: a console warning, a
/// <c>gan.health.warning.&lt;kind&gt;</c> tag saying from which step, and <c>health/...</c> metrics.
/// </summary>
internal sealed class HealthMonitor : IStageCallback, IDisposable
{
    private readonly HealthDefinition _settings;
    private readonly TrainingContext _context;
    private readonly Func<string?> _saveSnapshot;
    private readonly IReadOnlyList<DiscriminatorWatch> _discriminators;
    private readonly Dictionary<string, string> _translators;
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tensor> _latents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _peakDiversity = new(StringComparer.Ordinal);
    private string? _lastGoodFolder;
    private long _lastGoodStep;

    /// <param name="settings">The experiment's <c>health:</c> section.</param>
    /// <param name="context">The stage's context.</param>
    /// <param name="pairs">
    /// The trainer's declared generator–discriminator pairs; when it declares none (a trainer built against contracts
    /// 1.0), one pair read from the keys named in <c>health:</c>.
    /// </param>
    /// <param name="saveSnapshot">Saves the networks as the stage's "last-good" checkpoint; returns its folder, or null when checkpoints are off.</param>
    public HealthMonitor(HealthDefinition settings, TrainingContext context, IReadOnlyList<PlayerPair> pairs, Func<string?> saveSnapshot)
    {
        _settings = settings;
        _context = context;
        _saveSnapshot = saveSnapshot;
        var watched = pairs.Count > 0
            ? pairs
            : [new PlayerPair("", settings.DiscriminatorLossKey, "", settings.DiscriminatorAccuracyKey)];
        _discriminators = watched.Select(pair => new DiscriminatorWatch(pair, settings)).ToList();
        _translators = pairs.Where(p => p is { Generator: not null, GeneratorInput: not null })
            .ToDictionary(p => p.Generator!, p => p.GeneratorInput!, StringComparer.Ordinal);
    }

    /// <summary>Where the last good networks are, for the message that stops a diverged run.</summary>
    public string LastGoodNote => !_settings.Enabled
        ? ""
        : _lastGoodFolder is null
            ? $" No last-good snapshot had been saved yet (health.snapshot_every: {_settings.SnapshotEvery}; checkpoints must be enabled)."
            : $" The last good networks (step {_lastGoodStep}) are kept in {_lastGoodFolder}.";

    public int Order => StageCallbackOrder.Health;

    /// <summary>
    /// Takes the fixed inputs of generators that translate data (declared by their pairs): the first samples of the
    /// first training batch of epoch 0, read before the stage's own reading starts.
    /// </summary>
    public void OnStageStart(ITrainingContext context)
    {
        if (!_settings.Enabled || _translators.Count == 0)
        {
            return;
        }

        using var batch = context.Data.ReadEpoch(new EpochRequest(DataSplit.Train, 0, context.Seed), context.CancellationToken).FirstOrDefault();
        foreach (var (instance, key) in _translators)
        {
            if (batch is not null && batch.Contains(key) && batch.Count >= 2 && !_latents.ContainsKey(instance))
            {
                using var scope = NewDisposeScope();
                var count = Math.Min(batch.Count, _settings.DiversitySamples);
                _latents[instance] = batch[key].narrow(0, 0, count).to(context.Device).clone().DetachFromDisposeScope();
            }
        }
    }

    /// <summary>Called after every training step with the trainer's values (already checked finite).</summary>
    public void AfterStep(ITrainingContext context, IReadOnlyDictionary<string, double> values)
    {
        var step = context.Step;
        if (!_settings.Enabled)
        {
            return;
        }

        WatchDiscriminator(step, values);
        var check = step % _settings.CheckEvery == 0;
        var snapshot = step % _settings.SnapshotEvery == 0;
        if (check || snapshot)
        {
            CheckWeights(step);
        }

        if (check)
        {
            MeasureDiversity(step);
        }

        if (snapshot && _saveSnapshot() is { } folder)
        {
            (_lastGoodFolder, _lastGoodStep) = (folder, step);
        }
    }

    public void Dispose()
    {
        foreach (var latents in _latents.Values)
        {
            latents.Dispose();
        }

        _latents.Clear();
    }

    private void WatchDiscriminator(long step, IReadOnlyDictionary<string, double> values)
    {
        foreach (var watch in _discriminators)
        {
            if (watch.Add(step, values) is not { } since)
            {
                continue;
            }

            var pair = watch.Pair;
            var (kind, which) = pair.Name.Length == 0
                ? ("discriminator_winning", "the discriminator")
                : ($"discriminator_winning.{pair.Name}", $"discriminator {pair.Name}");
            var accuracy = pair.DiscriminatorAccuracy is { } key ? $" or its mean {key} at or above {_settings.DAccAbove}" : "";
            Warn(kind, since, step,
                $"{which} is winning: over the last {_settings.Window} steps its mean {pair.DiscriminatorLoss} is below " +
                $"{_settings.DLossBelow}{accuracy}. The generator gets little gradient: lower the discriminator's learning rate, " +
                "use label_smoothing, or try lsgan, hinge or wgan-gp.");
        }
    }

    private void CheckWeights(long step)
    {
        if (WeightCheck.FirstNonFinite(_context.NetworkStore.Instances) is { } parameter)
        {
            throw new TrainingDivergedException(
                $"Weights of {parameter} became NaN or infinite by step {step} of stage '{_context.StageName}' (epoch {_context.Epoch + 1}). " +
                "Training diverged: lower the learning rates, or try another loss." + LastGoodNote);
        }
    }

    private void MeasureDiversity(long step)
    {
        var metrics = new Dictionary<string, double>();
        // Noise-driven generators get fixed latents; translating ones (declared by their pair) fixed real inputs.
        var generators = _context.NetworkStore.Instances
            .Where(n => n.Value is IGenerator { LatentShape: not null } || (n.Value is IGenerator && _latents.ContainsKey(n.Key)))
            .ToList();
        if (generators.Count == 0)
        {
            return;
        }

        // Evaluation mode and no_grad as for metrics; latents from a private stream, so the check never
        // changes the training's random stream or batch-norm statistics.
        _context.NetworkStore.SetTraining(false);
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            foreach (var (instance, network) in generators)
            {
                var generator = (IGenerator)network;
                if (!_latents.TryGetValue(instance, out var latents))
                {
                    using var random = new Generator((ulong)_context.Seed + 0x4EA1, _context.Device);
                    latents = randn([_settings.DiversitySamples, .. generator.LatentShape!], generator: random, device: _context.Device)
                        .DetachFromDisposeScope();
                    _latents[instance] = latents;
                }

                var diversity = SampleDiversity.MeanPairwiseDistance(generator.Generate(latents));
                var suffix = generators.Count == 1 ? "" : "/" + instance;
                metrics["health/diversity" + suffix] = diversity;
                if (step >= _settings.CollapseWarmupSteps)
                {
                    var peak = Math.Max(_peakDiversity.GetValueOrDefault(instance), diversity);
                    _peakDiversity[instance] = peak;
                    var ratio = peak > 0 ? diversity / peak : 1.0;
                    metrics["health/diversity_ratio" + suffix] = ratio;
                    if (ratio < _settings.CollapseRatio)
                    {
                        Warn("generator_collapse" + suffix.Replace('/', '.'), step, step,
                            $"generator '{instance}' may be collapsing: the mean pairwise distance of its outputs for fixed inputs fell to " +
                            $"{diversity:G4}, {ratio:P0} of its peak {peak:G4}. Try a lower learning rate, minibatch-level losses, or wgan-gp.");
                    }
                }
            }
        }
        finally
        {
            _context.NetworkStore.SetTraining(true);
        }

        _context.Tracker.LogMetrics(metrics, step);
    }

    private void Warn(string kind, long since, long step, string message)
    {
        _context.Tracker.LogMetric($"health/{kind}", 1, step);
        if (!_warned.Add(kind))
        {
            return;
        }

        _context.Tracker.SetTag($"gan.health.warning.{kind}", $"from step {since}");
        _context.Logger.LogWarning("Health, stage {Stage}, from step {Since}: {Message}", _context.StageName, since, message);
    }
}

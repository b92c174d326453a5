using System.Globalization;
using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Engine.BuiltIns;

/// <summary>
/// The standard GAN iteration (Goodfellow et al. 2014, Algorithm 1): update the discriminator on a real
/// batch and a generated one, then, every k-th step, update the generator through the discriminator.
/// Reports d_loss, g_loss, d_acc and the mean scores of real and fake samples.
/// </summary>
internal sealed class AdversarialTrainer : ITrainer, IStatefulComponent
{
    private readonly AdversarialTrainerOptions _options;
    private IGenerator? _generator;
    private IDiscriminator? _discriminator;
    private optim.Optimizer? _generatorOptimizer;
    private optim.Optimizer? _discriminatorOptimizer;
    private int _discriminatorSteps = 1;
    private double? _lastGeneratorLoss;

    public AdversarialTrainer(AdversarialTrainerOptions options) => _options = options;

    public void Initialize(ITrainingContext context)
    {
        _generator = context.Networks.Get<IGenerator>(_options.Generator);
        _discriminator = context.Networks.Get<IDiscriminator>(_options.Discriminator);
        if (_generator.LatentShape is null)
        {
            throw new GanInputException(
                $"The 'adversarial' trainer samples latent noise, but generator '{_options.Generator}' takes data as input. " +
                "Use the trainer its plugin provides.");
        }

        _generatorOptimizer = context.Optimizers.Create(_options.Generator, _generator.Module.parameters());
        _discriminatorOptimizer = context.Optimizers.Create(_options.Discriminator, _discriminator.Module.parameters());
        _discriminatorSteps = _options.DiscriminatorSteps ?? context.Loss.DiscriminatorStepsPerGeneratorStep;
    }

    public IReadOnlyList<PlayerPair> PlayerPairs { get; } = [new PlayerPair("", "d_loss", "g_loss", "d_acc")];

    /// <summary>The last generator loss is reported on discriminator-only steps, so a resumed run must know it.</summary>
    public void SaveState(ComponentState state)
    {
        if (_lastGeneratorLoss is { } last)
        {
            state.Set("last_g_loss", last);
        }
    }

    public void LoadState(ComponentState state) =>
        _lastGeneratorLoss = state.Contains("last_g_loss") ? state.GetDouble("last_g_loss") : null;

    public IReadOnlyDictionary<string, double> Step(Batch batch, ITrainingContext context)
    {
        var generator = _generator!;
        var discriminator = _discriminator!;
        var loss = context.Loss;
        var real = batch.Samples;
        var count = real.shape[0];

        // Discriminator update: real batch against a freshly generated one. On steps where the generator is not
        // updated (k discriminator steps per generator step) its graph would only be kept alive for nothing, through
        // the discriminator's backward (a double backward with a gradient penalty): generate without recording it.
        var updatesGenerator = context.Step % _discriminatorSteps == 0;
        _discriminatorOptimizer!.zero_grad();
        var fake = Generate(generator, Latent(generator, count, context), recordGraph: updatesGenerator);
        var fakeDetached = fake.detach();
        var realScores = discriminator.Score(real);
        var fakeScores = discriminator.Score(fakeDetached);
        var discriminatorLoss = loss.DiscriminatorLoss(new DiscriminatorLossInput(realScores, fakeScores, real, fakeDetached, discriminator));
        discriminatorLoss.backward();
        _discriminatorOptimizer.step();
        loss.AfterDiscriminatorStep(discriminator);

        // Generator update every k-th step, through the updated discriminator, on the same fakes.
        Tensor? generatorLoss = null;
        if (updatesGenerator)
        {
            _generatorOptimizer!.zero_grad();
            generatorLoss = loss.GeneratorLoss(new GeneratorLossInput(discriminator.Score(fake), RealScoresForGenerator(loss, discriminator, real)));
            generatorLoss.backward();
            _generatorOptimizer.step();
        }

        // One host synchronisation for every value of the step (the generator's loss included) instead of one per value.
        float[] summary;
        using (no_grad())
        {
            var threshold = loss.DecisionThreshold;
            var correct = (realScores > threshold).sum().add((fakeScores <= threshold).sum());
            var accuracy = correct.to_type(ScalarType.Float32) / (realScores.numel() + fakeScores.numel());
            Tensor[] statistics = generatorLoss is null
                ? [discriminatorLoss, accuracy, realScores.mean(), fakeScores.mean()]
                : [discriminatorLoss, accuracy, realScores.mean(), fakeScores.mean(), generatorLoss];
            summary = stack(statistics).cpu().data<float>().ToArray();
        }

        if (generatorLoss is not null)
        {
            _lastGeneratorLoss = summary[4];
        }

        var values = new Dictionary<string, double>(5)
        {
            ["d_loss"] = summary[0],
            ["d_acc"] = summary[1],
            ["d_real"] = summary[2],
            ["d_fake"] = summary[3],
        };

        // With k discriminator steps per generator step, g_loss exists from the k-th step on; until then it is
        // left out rather than reported as NaN (which would read as divergence). Afterwards the latest value repeats.
        if (_lastGeneratorLoss is { } latestGeneratorLoss)
        {
            values["g_loss"] = latestGeneratorLoss;
        }

        return values;
    }

    private static Tensor Generate(IGenerator generator, Tensor latent, bool recordGraph)
    {
        if (recordGraph)
        {
            return generator.Generate(latent);
        }

        using var noGrad = no_grad();
        return generator.Generate(latent);
    }

    /// <summary>
    /// The batch's latent noise. Data-parallel, every rank draws the noise of the whole global batch from the same
    /// random stream and keeps its own slice, so N ranks of batch B train exactly as one process of batch N·B.
    /// </summary>
    private static Tensor Latent(IGenerator generator, long count, ITrainingContext context)
    {
        if ((context as Training.TrainingContext)?.DataParallel is not { Size: > 1 } dataParallel)
        {
            return generator.SampleLatent(count, context.Device);
        }

        return generator.SampleLatent(count * dataParallel.Size, context.Device).narrow(0, dataParallel.Rank * count, count);
    }

    /// <summary>Real scores by the updated discriminator, for relativistic generator losses; null for the others.</summary>
    private static Tensor? RealScoresForGenerator(ILossStrategy loss, IDiscriminator discriminator, Tensor real)
    {
        if (!loss.GeneratorUsesRealScores)
        {
            return null;
        }

        using var noGrad = no_grad();
        return discriminator.Score(real);
    }
}

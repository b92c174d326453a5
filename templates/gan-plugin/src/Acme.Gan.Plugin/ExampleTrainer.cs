using Gan.Abstractions;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Acme.Gan.Plugin;

/// <summary>
/// Example trainer: the standard GAN step (discriminator, then generator) with the experiment's loss, plus a running
/// average of the generator's loss. It shows the two things a trainer of your own should do:
/// declare its generator–discriminator pair, so the host's health monitor watches it, and save what it carries from
/// step to step (here the running average), so a run resumed after a crash continues exactly.
/// </summary>
internal sealed class ExampleTrainer(ExampleTrainerOptions options) : ITrainer, IStatefulComponent
{
    private IGenerator? _generator;
    private IDiscriminator? _discriminator;
    private optim.Optimizer? _generatorOptimizer;
    private optim.Optimizer? _discriminatorOptimizer;
    private double _averageGeneratorLoss = double.NaN;

    /// <summary>The keys under which <see cref="Step"/> reports the pair's losses.</summary>
    public IReadOnlyList<PlayerPair> PlayerPairs { get; } = [new PlayerPair("", "d_loss", "g_loss")];

    public void Initialize(ITrainingContext context)
    {
        _generator = context.Networks.Get<IGenerator>("generator");
        _discriminator = context.Networks.Get<IDiscriminator>("discriminator");
        _generatorOptimizer = context.Optimizers.Create("generator", _generator.Module.parameters());
        _discriminatorOptimizer = context.Optimizers.Create("discriminator", _discriminator.Module.parameters());
    }

    public IReadOnlyDictionary<string, double> Step(Batch batch, ITrainingContext context)
    {
        var (generator, discriminator, loss) = (_generator!, _discriminator!, context.Loss);
        var real = batch.Samples;
        var fake = generator.Generate(generator.SampleLatent(real.shape[0], context.Device));

        _discriminatorOptimizer!.zero_grad();
        var realScores = discriminator.Score(real);
        var discriminatorLoss = loss.DiscriminatorLoss(
            new DiscriminatorLossInput(realScores, discriminator.Score(fake.detach()), real, fake.detach(), discriminator));
        discriminatorLoss.backward();
        _discriminatorOptimizer.step();

        _generatorOptimizer!.zero_grad();
        // Real scores are passed only to losses that compare with them (relativistic losses such as ragan).
        Tensor? realForGenerator = null;
        if (loss.GeneratorUsesRealScores)
        {
            using var noGrad = no_grad();
            realForGenerator = discriminator.Score(real);
        }

        var generatorLoss = loss.GeneratorLoss(new GeneratorLossInput(discriminator.Score(fake), realForGenerator));
        generatorLoss.backward();
        _generatorOptimizer.step();

        var g = generatorLoss.item<float>();
        _averageGeneratorLoss = double.IsNaN(_averageGeneratorLoss) ? g : (options.AverageDecay * _averageGeneratorLoss) + ((1 - options.AverageDecay) * g);
        return new Dictionary<string, double>
        {
            ["d_loss"] = discriminatorLoss.item<float>(),
            ["g_loss"] = g,
            ["g_loss_avg"] = _averageGeneratorLoss,
        };
    }

    /// <summary>Called with every checkpoint: everything beyond networks and optimisers that changes results.</summary>
    public void SaveState(ComponentState state) => state.Set("g_loss_avg", _averageGeneratorLoss);

    /// <summary>Called on resume, after <see cref="Initialize"/>.</summary>
    public void LoadState(ComponentState state) => _averageGeneratorLoss = state.GetDouble("g_loss_avg");
}

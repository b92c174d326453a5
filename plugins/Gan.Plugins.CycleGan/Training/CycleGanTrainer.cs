using Gan.Abstractions;
using Gan.Plugins.CycleGan.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Plugins.CycleGan.Training;

/// <summary>
/// One CycleGAN iteration as the reference's <c>CycleGANModel.optimize_parameters</c>: translate both ways and
/// back, update G_A and G_B together (adversarial + cycle + identity), then D_A and D_B on pooled fakes.
/// The adversarial terms come from the experiment's loss (<c>loss: lsgan</c> for the paper's recipe). The reference's
/// linear learning-rate decay is the engine's <c>linear</c> schedule (<c>schedulers:</c> in the experiment).
/// </summary>
internal sealed class CycleGanTrainer : ITrainer, IStatefulComponent, IDisposable
{
    /// <summary>Instance names, as the reference's network names.</summary>
    public const string GeneratorA = "G_A";

    /// <inheritdoc cref="GeneratorA" />
    public const string GeneratorB = "G_B";

    /// <inheritdoc cref="GeneratorA" />
    public const string DiscriminatorA = "D_A";

    /// <inheritdoc cref="GeneratorA" />
    public const string DiscriminatorB = "D_B";

    private readonly CycleGanTrainerOptions _options;
    private IGenerator? _gA;
    private IGenerator? _gB;
    private IDiscriminator? _dA;
    private IDiscriminator? _dB;
    private optim.Optimizer? _optimizerG;
    private optim.Optimizer? _optimizerD;
    private ImagePool? _fakeAPool;
    private ImagePool? _fakeBPool;
    private Device _device = CPU;

    public CycleGanTrainer(CycleGanTrainerOptions options) => _options = options;

    /// <summary>G_A translates A to B and is judged by D_A; G_B the other way, judged by D_B (the reference's pairing).</summary>
    public IReadOnlyList<PlayerPair> PlayerPairs { get; } =
    [
        new PlayerPair("A", DiscriminatorA, GeneratorA) { Generator = GeneratorA, GeneratorInput = UnalignedImagesDataSource.DomainA },
        new PlayerPair("B", DiscriminatorB, GeneratorB) { Generator = GeneratorB, GeneratorInput = UnalignedImagesDataSource.DomainB },
    ];


    /// <inheritdoc />
    public void Initialize(ITrainingContext context)
    {
        _device = context.Device;
        _gA = context.Networks.Get<IGenerator>(_options.Generator, GeneratorA);
        _gB = context.Networks.Get<IGenerator>(_options.Generator, GeneratorB);
        _dA = context.Networks.Get<IDiscriminator>(_options.Discriminator, DiscriminatorA);
        _dB = context.Networks.Get<IDiscriminator>(_options.Discriminator, DiscriminatorB);
        // One optimiser per pair, as the reference's itertools.chain(netG_A, netG_B).
        _optimizerG = context.Optimizers.Create(_options.Generator, _gA.Module.parameters().Concat(_gB.Module.parameters()));
        _optimizerD = context.Optimizers.Create(_options.Discriminator, _dA.Module.parameters().Concat(_dB.Module.parameters()));
        _fakeAPool?.Dispose();
        _fakeBPool?.Dispose();
        _fakeAPool = new ImagePool(_options.PoolSize, context.Seed + 1);
        _fakeBPool = new ImagePool(_options.PoolSize, context.Seed + 2);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Step(Batch batch, ITrainingContext context)
    {
        var (gA, gB, dA, dB) = (_gA!, _gB!, _dA!, _dB!);
        var loss = context.Loss;
        var realA = batch[UnalignedImagesDataSource.DomainA];
        var realB = batch[UnalignedImagesDataSource.DomainB];

        // forward(): both translations and both reconstructions.
        var fakeB = gA.Generate(realA);
        var recA = gB.Generate(fakeB);
        var fakeA = gB.Generate(realB);
        var recB = gA.Generate(fakeA);

        // G_A and G_B: the discriminators only pass gradients through.
        SetRequiresGrad(false, dA, dB);
        _optimizerG!.zero_grad();
        var (idtA, idtB) = IdentityLosses(gA, gB, realA, realB);
        var lossGA = loss.GeneratorLoss(dA.Score(fakeB));
        var lossGB = loss.GeneratorLoss(dB.Score(fakeA));
        var cycleA = F.l1_loss(recA, realA) * _options.LambdaA;
        var cycleB = F.l1_loss(recB, realB) * _options.LambdaB;
        var lossG = lossGA + lossGB + cycleA + cycleB;
        if (idtA is not null && idtB is not null)
        {
            lossG = lossG + idtA + idtB;
        }

        lossG.backward();
        _optimizerG.step();

        // D_A (real B vs pooled fake B) and D_B (real A vs pooled fake A).
        SetRequiresGrad(true, dA, dB);
        _optimizerD!.zero_grad();
        var lossDA = DiscriminatorLoss(loss, dA, realB, _fakeBPool!.Query(fakeB));
        lossDA.backward();
        var lossDB = DiscriminatorLoss(loss, dB, realA, _fakeAPool!.Query(fakeA));
        lossDB.backward();
        _optimizerD.step();
        loss.AfterDiscriminatorStep(dA);
        loss.AfterDiscriminatorStep(dB);

        return new Dictionary<string, double>(9)
        {
            ["D_A"] = lossDA.item<float>(),
            ["G_A"] = lossGA.item<float>(),
            ["cycle_A"] = cycleA.item<float>(),
            ["idt_A"] = idtA?.item<float>() ?? 0.0,
            ["D_B"] = lossDB.item<float>(),
            ["G_B"] = lossGB.item<float>(),
            ["cycle_B"] = cycleB.item<float>(),
            ["idt_B"] = idtB?.item<float>() ?? 0.0,
        };
    }

    /// <summary>Both image pools: their images and random streams.</summary>
    public void SaveState(ComponentState state)
    {
        _fakeAPool!.SaveState(state, "fake_A_pool");
        _fakeBPool!.SaveState(state, "fake_B_pool");
    }

    /// <inheritdoc />
    public void LoadState(ComponentState state)
    {
        _fakeAPool!.LoadState(state, "fake_A_pool", _device);
        _fakeBPool!.LoadState(state, "fake_B_pool", _device);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _fakeAPool?.Dispose();
        _fakeBPool?.Dispose();
    }

    /// <summary>Identity losses: G_A should leave B images alone and G_B A images (0.5·λ weighted); null when off.</summary>
    private (Tensor? IdtA, Tensor? IdtB) IdentityLosses(IGenerator gA, IGenerator gB, Tensor realA, Tensor realB)
    {
        if (_options.LambdaIdentity <= 0)
        {
            return (null, null);
        }

        var idtA = F.l1_loss(gA.Generate(realB), realB) * (_options.LambdaB * _options.LambdaIdentity);
        var idtB = F.l1_loss(gB.Generate(realA), realA) * (_options.LambdaA * _options.LambdaIdentity);
        return (idtA, idtB);
    }

    /// <summary>The reference's backward_D_basic: the loss of real and (detached, pooled) fake scores.</summary>
    private Tensor DiscriminatorLoss(ILossStrategy loss, IDiscriminator discriminator, Tensor real, Tensor fake)
    {
        var input = new DiscriminatorLossInput(discriminator.Score(real), discriminator.Score(fake), real, fake, discriminator);
        var value = loss.DiscriminatorLoss(input);
        return _options.DLossScale == 1.0 ? value : value * _options.DLossScale;
    }

    private static void SetRequiresGrad(bool requiresGrad, params IDiscriminator[] networks)
    {
        foreach (var network in networks)
        {
            foreach (var parameter in network.Module.parameters())
            {
                parameter.requires_grad = requiresGrad;
            }
        }
    }
}

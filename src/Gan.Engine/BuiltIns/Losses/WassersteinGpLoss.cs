using Gan.Abstractions;
using static TorchSharp.torch;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>
/// Wasserstein GAN with gradient penalty (Gulrajani et al. 2017, Algorithm 1): critic loss
/// E[D(x̃)] − E[D(x)] + λ·E[(‖∇D(x̂)‖₂ − 1)²] on random interpolates x̂, generator −E[D(x̃)], n_critic = 5.
/// The paper advises against batch norm in the critic (the penalty is per sample) and uses Adam β = (0, 0.9).
/// </summary>
internal sealed class WassersteinGpLoss : AdversarialLoss
{
    private readonly WassersteinGpLossOptions _options;

    public WassersteinGpLoss(WassersteinGpLossOptions options)
        : base(options, WassersteinLoss.CriticSteps) => _options = options;

    public override Tensor GeneratorLoss(Tensor fakeScores) => -fakeScores.mean();

    protected override Tensor AdversarialDiscriminatorLoss(DiscriminatorLossInput input)
    {
        var wasserstein = input.FakeScores.mean() - input.RealScores.mean();
        return _options.Lambda > 0
            ? wasserstein + GradientPenalties.WassersteinGradientPenalty(input.Discriminator, input.RealSamples, input.FakeSamples, _options.Lambda)
            : wasserstein;
    }
}

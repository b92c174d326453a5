using Gan.Abstractions;
using static TorchSharp.torch;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>
/// Wasserstein GAN with weight clipping (Arjovsky et al. 2017, Algorithm 1): the critic minimises
/// E[D(G(z))] − E[D(x)], the generator −E[D(G(z))]; after each critic step every critic parameter is clipped to
/// [−c, c] (the reference code clips all of <c>netD.parameters()</c>); n_critic = 5.
/// </summary>
internal sealed class WassersteinLoss : AdversarialLoss
{
    /// <summary>The paper's n_critic.</summary>
    public const int CriticSteps = 5;

    private readonly WassersteinLossOptions _options;

    public WassersteinLoss(WassersteinLossOptions options)
        : base(options, CriticSteps) => _options = options;

    public override Tensor GeneratorLoss(Tensor fakeScores) => -fakeScores.mean();

    public override void AfterDiscriminatorStep(IDiscriminator discriminator)
    {
        using var noGrad = no_grad();
        foreach (var parameter in discriminator.Module.parameters())
        {
            parameter.clamp_(-_options.ClipValue, _options.ClipValue);
        }
    }

    protected override Tensor AdversarialDiscriminatorLoss(DiscriminatorLossInput input) =>
        input.FakeScores.mean() - input.RealScores.mean();
}

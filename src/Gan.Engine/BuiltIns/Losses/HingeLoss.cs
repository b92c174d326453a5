using Gan.Abstractions;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>
/// Hinge loss (Lim &amp; Ye 2017; Miyato et al. 2018, SN-GAN): D = E[max(0, 1 − D(x))] + E[max(0, 1 + D(G(z)))],
/// G = −E[D(G(z))].
/// </summary>
internal sealed class HingeLoss : AdversarialLoss
{
    public HingeLoss(HingeLossOptions options)
        : base(options)
    {
    }

    public override Tensor GeneratorLoss(Tensor fakeScores) => -fakeScores.mean();

    protected override Tensor AdversarialDiscriminatorLoss(DiscriminatorLossInput input) =>
        F.relu(1 - input.RealScores).mean() + F.relu(1 + input.FakeScores).mean();
}

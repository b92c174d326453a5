using Gan.Abstractions;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>
/// Least squares GAN (Mao et al. 2017) with targets 1 (real) and 0 (fake), as CycleGAN's reference code
/// (<c>GANLoss('lsgan')</c> = MSELoss): D = ½·[MSE(D(x), 1) + MSE(D(G(z)), 0)] (<c>backward_D_basic</c> halves
/// the sum "to slow down the rate at which D learns relative to G"), G = MSE(D(G(z)), 1) (not halved).
/// </summary>
internal sealed class LeastSquaresLoss : AdversarialLoss
{
    private readonly LeastSquaresLossOptions _options;

    public LeastSquaresLoss(LeastSquaresLossOptions options)
        : base(options) => _options = options;

    /// <summary>Scores are regressed onto 1 and 0, so the midpoint separates "real" from "fake".</summary>
    public override double DecisionThreshold => 0.5;

    public override Tensor GeneratorLoss(Tensor fakeScores) => F.mse_loss(fakeScores, ones_like(fakeScores));

    protected override Tensor AdversarialDiscriminatorLoss(DiscriminatorLossInput input)
    {
        var realLoss = F.mse_loss(input.RealScores, full_like(input.RealScores, 1.0 - _options.LabelSmoothing));
        var fakeLoss = F.mse_loss(input.FakeScores, zeros_like(input.FakeScores));
        return (realLoss + fakeLoss) * 0.5;
    }
}

using Gan.Abstractions;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Engine.BuiltIns;

/// <summary>
/// The original GAN objective with binary cross-entropy. Discriminators return logits, so the tutorial's
/// Sigmoid + BCELoss is computed as BCE-with-logits: the same value, without overflow for confident scores.
/// </summary>
internal sealed class MinimaxLoss : ILossStrategy
{
    private readonly MinimaxLossOptions _options;

    public MinimaxLoss(MinimaxLossOptions options) => _options = options;

    public Tensor DiscriminatorLoss(DiscriminatorLossInput input)
    {
        // As the tutorial: the sum of the real and the fake halves.
        var realTarget = full_like(input.RealScores, 1.0 - _options.LabelSmoothing);
        var realLoss = F.binary_cross_entropy_with_logits(input.RealScores, realTarget);
        var fakeLoss = F.binary_cross_entropy_with_logits(input.FakeScores, zeros_like(input.FakeScores));
        return realLoss + fakeLoss;
    }

    public Tensor GeneratorLoss(Tensor fakeScores) => _options.GeneratorObjective switch
    {
        GeneratorObjective.NonSaturating => F.binary_cross_entropy_with_logits(fakeScores, ones_like(fakeScores)),
        _ => -F.binary_cross_entropy_with_logits(fakeScores, zeros_like(fakeScores)),
    };
}

using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>
/// The BCE terms of the original GAN objective. Discriminators return logits, so the tutorial's Sigmoid +
/// BCELoss is computed as BCE-with-logits: the same value, without overflow for confident scores.
/// </summary>
internal static class BinaryCrossEntropyTerms
{
    /// <summary>BCE(real, 1 − smoothing) + BCE(fake, 0): the sum of the two halves, as the classic tutorial.</summary>
    public static Tensor Discriminator(Tensor realScores, Tensor fakeScores, double labelSmoothing)
    {
        var realLoss = F.binary_cross_entropy_with_logits(realScores, full_like(realScores, 1.0 - labelSmoothing));
        var fakeLoss = F.binary_cross_entropy_with_logits(fakeScores, zeros_like(fakeScores));
        return realLoss + fakeLoss;
    }

    /// <summary>−log D(G(z)) = BCE(D(G(z)), 1).</summary>
    public static Tensor NonSaturatingGenerator(Tensor fakeScores) =>
        F.binary_cross_entropy_with_logits(fakeScores, ones_like(fakeScores));

    /// <summary>log(1 − D(G(z))) = −BCE(D(G(z)), 0), minimised.</summary>
    public static Tensor SaturatingGenerator(Tensor fakeScores) =>
        -F.binary_cross_entropy_with_logits(fakeScores, zeros_like(fakeScores));
}

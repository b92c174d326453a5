using Gan.Abstractions;
using static TorchSharp.torch;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>
/// The BCE discriminator with the non-saturating generator −log D(G(z)) (Goodfellow et al. 2014, §3), the
/// form nearly every GAN paper calls "the standard GAN loss".
/// </summary>
internal sealed class NonSaturatingLoss : AdversarialLoss
{
    private readonly NonSaturatingLossOptions _options;

    public NonSaturatingLoss(NonSaturatingLossOptions options)
        : base(options) => _options = options;

    public override Tensor GeneratorLoss(Tensor fakeScores) => BinaryCrossEntropyTerms.NonSaturatingGenerator(fakeScores);

    protected override Tensor AdversarialDiscriminatorLoss(DiscriminatorLossInput input) =>
        BinaryCrossEntropyTerms.Discriminator(input.RealScores, input.FakeScores, _options.LabelSmoothing);
}

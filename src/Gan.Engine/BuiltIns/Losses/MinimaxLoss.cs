using Gan.Abstractions;
using static TorchSharp.torch;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>
/// The original GAN objective with binary cross-entropy (Goodfellow et al. 2014); the generator's form is
/// chosen by <see cref="MinimaxLossOptions.GeneratorObjective"/>.
/// </summary>
internal sealed class MinimaxLoss : AdversarialLoss
{
    private readonly MinimaxLossOptions _options;

    public MinimaxLoss(MinimaxLossOptions options)
        : base(options) => _options = options;

    public override Tensor GeneratorLoss(Tensor fakeScores) => _options.GeneratorObjective switch
    {
        GeneratorObjective.Saturating => BinaryCrossEntropyTerms.SaturatingGenerator(fakeScores),
        _ => BinaryCrossEntropyTerms.NonSaturatingGenerator(fakeScores),
    };

    protected override Tensor AdversarialDiscriminatorLoss(DiscriminatorLossInput input) =>
        BinaryCrossEntropyTerms.Discriminator(input.RealScores, input.FakeScores, _options.LabelSmoothing);
}

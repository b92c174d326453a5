using Gan.Abstractions;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>
/// The relativistic average standard GAN, RaSGAN (Jolicoeur-Martineau 2018, arXiv:1807.00734, eq. 9–10, as her
/// reference code): the discriminator estimates how much more realistic real data is than the average fake, and
/// the generator is trained on the symmetric objective, so it also pushes the real samples' relative score down.
/// With C the critic's logits, D = (BCE(C(r) − mean C(f), 1) + BCE(C(f) − mean C(r), 0)) / 2 and
/// G = (BCE(C(r) − mean C(f), 0) + BCE(C(f) − mean C(r), 1)) / 2.
/// </summary>
internal sealed class RelativisticAverageLoss : AdversarialLoss
{
    public RelativisticAverageLoss(RelativisticAverageLossOptions options)
        : base(options)
    {
    }

    public override bool GeneratorUsesRealScores => true;

    public override Tensor GeneratorLoss(Tensor fakeScores) => throw new InvalidOperationException(
        "The ragan loss compares generated with real scores: call GeneratorLoss(GeneratorLossInput) with RealScores.");

    public override Tensor GeneratorLoss(GeneratorLossInput input)
    {
        var real = input.RealScores ?? throw new InvalidOperationException(
            "The ragan loss needs the real samples' scores for the generator's loss (GeneratorLossInput.RealScores).");
        return Symmetric(real, input.FakeScores, realTarget: 0.0);
    }

    protected override Tensor AdversarialDiscriminatorLoss(DiscriminatorLossInput input) =>
        Symmetric(input.RealScores, input.FakeScores, realTarget: 1.0);

    /// <summary>The two relative terms: real relative to the mean fake towards <paramref name="realTarget"/>, fake relative to the mean real towards the other label.</summary>
    private static Tensor Symmetric(Tensor real, Tensor fake, double realTarget)
    {
        var realRelative = real - fake.mean();
        var fakeRelative = fake - real.mean();
        var realLoss = F.binary_cross_entropy_with_logits(realRelative, full_like(realRelative, realTarget));
        var fakeLoss = F.binary_cross_entropy_with_logits(fakeRelative, full_like(fakeRelative, 1.0 - realTarget));
        return (realLoss + fakeLoss) / 2;
    }
}

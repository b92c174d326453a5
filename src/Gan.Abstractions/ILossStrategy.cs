using static TorchSharp.torch;

namespace Gan.Abstractions;

/// <summary>
/// An adversarial objective: how discriminator scores turn into the two players' losses. Used by the
/// engine's standard adversarial trainer and by domain trainers that delegate their adversarial terms.
/// </summary>
public interface ILossStrategy
{
    /// <summary>
    /// The discriminator's loss from its scores of real and generated samples, including any penalty
    /// (gradient penalty, R1) it applies; <paramref name="input"/> gives what penalties need.
    /// </summary>
    Tensor DiscriminatorLoss(DiscriminatorLossInput input);

    /// <summary>The generator's loss from the discriminator's scores of generated samples.</summary>
    Tensor GeneratorLoss(Tensor fakeScores);

    /// <summary>
    /// The generator's loss from <paramref name="input"/> (added in 1.1). Trainers call this overload; losses that
    /// compare with real scores (relativistic losses) override it and <see cref="GeneratorUsesRealScores"/>.
    /// </summary>
    Tensor GeneratorLoss(GeneratorLossInput input) => GeneratorLoss(input.FakeScores);

    /// <summary>
    /// True when <see cref="GeneratorLoss(GeneratorLossInput)"/> needs <see cref="GeneratorLossInput.RealScores"/>;
    /// trainers then score the real batch with the current discriminator for the generator's update (added in 1.1).
    /// </summary>
    bool GeneratorUsesRealScores => false;

    /// <summary>Scores above this value count as "real" when the engine reports discriminator accuracy.</summary>
    double DecisionThreshold => 0.0;

    /// <summary>Discriminator updates per generator update (5 for WGAN variants, 1 otherwise).</summary>
    int DiscriminatorStepsPerGeneratorStep => 1;

    /// <summary>Called after each discriminator optimiser step, for constraints such as weight clipping.</summary>
    void AfterDiscriminatorStep(IDiscriminator discriminator) { }
}

using Gan.Abstractions;
using static TorchSharp.torch;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>
/// What every loss in the catalogue shares: the optional R1 penalty added to the discriminator's loss and
/// the number of discriminator steps per generator step (the loss's own default unless the options override it).
/// </summary>
internal abstract class AdversarialLoss : ILossStrategy
{
    private readonly AdversarialLossOptions _options;
    private readonly int _defaultDiscriminatorSteps;

    protected AdversarialLoss(AdversarialLossOptions options, int defaultDiscriminatorSteps = 1)
    {
        _options = options;
        _defaultDiscriminatorSteps = defaultDiscriminatorSteps;
    }

    public virtual double DecisionThreshold => 0.0;

    public int DiscriminatorStepsPerGeneratorStep => _options.DiscriminatorSteps ?? _defaultDiscriminatorSteps;

    public Tensor DiscriminatorLoss(DiscriminatorLossInput input)
    {
        var loss = AdversarialDiscriminatorLoss(input);
        return _options.R1Gamma > 0
            ? loss + GradientPenalties.R1(input.Discriminator, input.RealSamples, _options.R1Gamma)
            : loss;
    }

    public abstract Tensor GeneratorLoss(Tensor fakeScores);

    public virtual bool GeneratorUsesRealScores => false;

    public virtual Tensor GeneratorLoss(GeneratorLossInput input) => GeneratorLoss(input.FakeScores);

    public virtual void AfterDiscriminatorStep(IDiscriminator discriminator)
    {
    }

    /// <summary>The discriminator's loss before the optional R1 penalty.</summary>
    protected abstract Tensor AdversarialDiscriminatorLoss(DiscriminatorLossInput input);
}

using static TorchSharp.torch;

namespace Gan.Abstractions;

/// <summary>What a loss strategy may use to compute the discriminator's loss.</summary>
/// <param name="RealScores">Scores of real samples.</param>
/// <param name="FakeScores">Scores of generated samples (detached from the generator).</param>
/// <param name="RealSamples">The real samples scored.</param>
/// <param name="FakeSamples">The generated samples scored (detached).</param>
/// <param name="Discriminator">The discriminator, for penalties that score other points.</param>
public sealed record DiscriminatorLossInput(
    Tensor RealScores,
    Tensor FakeScores,
    Tensor RealSamples,
    Tensor FakeSamples,
    IDiscriminator Discriminator);

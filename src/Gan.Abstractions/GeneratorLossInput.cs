using static TorchSharp.torch;

namespace Gan.Abstractions;

/// <summary>What a loss strategy may use to compute the generator's loss (added in 1.1).</summary>
/// <param name="FakeScores">The discriminator's scores of generated samples, with the graph back to the generator.</param>
/// <param name="RealScores">
/// The discriminator's scores of real samples (no gradient needed), given when the loss asks for them through
/// <see cref="ILossStrategy.GeneratorUsesRealScores"/>, as relativistic losses do; otherwise null.
/// </param>
public sealed record GeneratorLossInput(Tensor FakeScores, Tensor? RealScores = null);

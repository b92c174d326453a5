namespace Gan.Abstractions;

/// <summary>
/// One generator–discriminator pair of a trainer, by the keys under which <see cref="ITrainer.Step"/> returns its
/// values (added in 1.1). The engine's health monitor watches every declared pair: a discriminator that keeps
/// winning is reported for the pair by name (CycleGAN declares two, <c>A</c> and <c>B</c>).
/// </summary>
/// <param name="Name">The pair's name in warnings and tags; empty for a trainer with one pair.</param>
/// <param name="DiscriminatorLoss">Key of the discriminator's loss.</param>
/// <param name="GeneratorLoss">Key of the generator's adversarial loss.</param>
/// <param name="DiscriminatorAccuracy">Key of the discriminator's accuracy on real and generated samples, if reported.</param>
public sealed record PlayerPair(string Name, string DiscriminatorLoss, string GeneratorLoss, string? DiscriminatorAccuracy = null)
{
    /// <summary>
    /// The network instance of the pair's generator, when it translates data rather than noise (CycleGAN's <c>G_A</c>):
    /// with <see cref="GeneratorInput"/>, lets the health monitor watch it for collapse on fixed real inputs.
    /// </summary>
    public string? Generator { get; init; }

    /// <summary>The batch key of the samples <see cref="Generator"/> takes as input (CycleGAN's <c>A</c> for <c>G_A</c>).</summary>
    public string? GeneratorInput { get; init; }
}

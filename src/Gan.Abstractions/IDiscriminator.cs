using static TorchSharp.torch;

namespace Gan.Abstractions;

/// <summary>
/// Scores samples. Returns raw, unbounded scores (logits): one per sample, or one per patch for
/// patch discriminators. The loss strategy applies the link function (a sigmoid for BCE losses),
/// which keeps every loss in the catalogue usable with every discriminator.
/// </summary>
public interface IDiscriminator : INetwork
{
    /// <summary>Scores a batch of samples (real or generated).</summary>
    Tensor Score(Tensor samples);
}

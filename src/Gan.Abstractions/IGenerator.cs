using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Abstractions;

/// <summary>
/// Produces samples. An unconditional generator maps latent noise to samples and declares its
/// <see cref="LatentShape"/>; a conditional or translating generator (CycleGAN, sequence-to-sequence)
/// maps data to data and returns null there.
/// </summary>
public interface IGenerator : INetwork
{
    /// <summary>The shape of one latent vector (without the batch dimension), or null when the generator takes data.</summary>
    long[]? LatentShape { get; }

    /// <summary>Runs the generator on a batch of latents or inputs. Output values follow the data's range.</summary>
    Tensor Generate(Tensor input);

    /// <summary>
    /// Draws <paramref name="count"/> latent vectors on <paramref name="device"/> from the generator's prior
    /// (standard normal unless overridden), using torch's global generator so the experiment's seed applies.
    /// </summary>
    Tensor SampleLatent(long count, Device device)
    {
        var shape = LatentShape ?? throw new NotSupportedException(
            $"{GetType().Name} is a conditional generator and has no latent prior.");
        return torch.randn([count, .. shape], device: device);
    }
}

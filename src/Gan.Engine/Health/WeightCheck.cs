using Gan.Abstractions;
using static TorchSharp.torch;

namespace Gan.Engine.Health;

/// <summary>Finds a parameter holding NaN or infinity: one reduction per parameter tensor, no copy to the host.</summary>
internal static class WeightCheck
{
    /// <summary>"instance.parameter" of the first non-finite parameter, or null when all are finite.</summary>
    public static string? FirstNonFinite(IReadOnlyDictionary<string, INetwork> networks)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (instance, network) in networks)
        {
            foreach (var (name, parameter) in network.Module.named_parameters())
            {
                if (!isfinite(parameter).all().item<bool>())
                {
                    return $"{instance}.{name}";
                }
            }
        }

        return null;
    }
}

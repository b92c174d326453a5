using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.CycleGan.Networks;

/// <summary>The reference's <c>init_weights(net, 'normal', 0.02)</c>: conv weights N(0, gain), biases zero.</summary>
internal static class WeightInit
{
    /// <summary>Initialises every convolution (plain and transposed) below <paramref name="root"/>.</summary>
    public static void Normal(Module root, double gain)
    {
        using var noGrad = no_grad();
        foreach (var (_, module) in root.named_modules())
        {
            var (weight, bias) = module switch
            {
                Conv2d conv => (conv.weight, conv.bias),
                ConvTranspose2d deconv => (deconv.weight, deconv.bias),
                _ => (null, null),
            };
            if (weight is not null)
            {
                init.normal_(weight, 0.0, gain);
            }

            if (bias is not null)
            {
                init.zeros_(bias);
            }
        }
    }
}

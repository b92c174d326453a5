using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Plugins.Mnist;

/// <summary>
/// The DCGAN paper's initialisation (§4, and the PyTorch DCGAN example's <c>weights_init</c>): convolution
/// weights from N(0, 0.02), batch-norm scales from N(1, 0.02) and shifts 0.
/// </summary>
internal static class DcganInitialization
{
    public static void Apply(nn.Module root)
    {
        using var noGrad = no_grad();
        foreach (var (_, module) in root.named_modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    nn.init.normal_(conv.weight, 0.0, 0.02);
                    break;
                case ConvTranspose2d deconv:
                    nn.init.normal_(deconv.weight, 0.0, 0.02);
                    break;
                case BatchNorm2d norm:
                    nn.init.normal_(norm.weight, 1.0, 0.02);
                    nn.init.zeros_(norm.bias);
                    break;
            }
        }
    }
}

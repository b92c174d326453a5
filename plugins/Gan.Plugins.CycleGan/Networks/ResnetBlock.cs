using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.CycleGan.Networks;

/// <summary>
/// The reference's ResnetBlock with reflection padding: x + [pad, conv3x3, norm, ReLU, (dropout), pad, conv3x3, norm](x).
/// </summary>
internal sealed class ResnetBlock : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Named like the reference's attribute, so state-dict keys line up.
    private readonly Sequential conv_block;
#pragma warning restore IDE1006

    public ResnetBlock(long dim, bool useDropout) : base(nameof(ResnetBlock))
    {
        var layers = new List<Module<Tensor, Tensor>>
        {
            ReflectionPad2d(1),
            Conv2d(dim, dim, 3, bias: true),
            new InstanceNorm(dim),
            ReLU(inplace: true),
        };
        if (useDropout)
        {
            layers.Add(Dropout(0.5));
        }

        layers.Add(ReflectionPad2d(1));
        layers.Add(Conv2d(dim, dim, 3, bias: true));
        layers.Add(new InstanceNorm(dim));
        // dim x H x W, same as the input
        conv_block = Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => input + conv_block.forward(input);
}

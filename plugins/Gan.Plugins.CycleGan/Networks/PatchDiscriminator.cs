using Gan.Abstractions;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.CycleGan.Networks;

/// <summary>
/// The reference's NLayerDiscriminator (PatchGAN): 4x4 convs, LeakyReLU 0.2, instance norm after all but the
/// first, one score per overlapping patch (70x70 with 3 layers). Scores are raw: LSGAN regresses them to 1/0.
/// At ndf 64 and RGB it has 2,764,737 parameters, the reference's printed 2.765 M.
/// </summary>
internal sealed class PatchDiscriminator : Module<Tensor, Tensor>, IDiscriminator
{
#pragma warning disable IDE1006 // Named like the reference's `self.model`, so state-dict keys line up.
    private readonly Sequential model;
#pragma warning restore IDE1006

    /// <summary>Builds the network on the CPU.</summary>
    public PatchDiscriminator(PatchDiscriminatorOptions options) : base("patchgan")
    {
        ArgumentNullException.ThrowIfNull(options);
        long ndf = options.Ndf;
        const long kernel = 4;
        const long padding = 1;
        var layers = new List<Module<Tensor, Tensor>>
        {
            Conv2d(options.InputNc, ndf, kernel, stride: 2, padding: padding),
            LeakyReLU(0.2, inplace: true),
            // ndf x H/2 x W/2
        };

        long mult = 1;
        for (var n = 1; n < options.NLayers; n++)
        {
            var previous = mult;
            mult = Math.Min(1L << n, 8);
            layers.Add(Conv2d(ndf * previous, ndf * mult, kernel, stride: 2, padding: padding, bias: true));
            layers.Add(new InstanceNorm(ndf * mult));
            layers.Add(LeakyReLU(0.2, inplace: true));
            // (ndf*mult) x H/2^(n+1) x W/2^(n+1)
        }

        var last = mult;
        mult = Math.Min(1L << options.NLayers, 8);
        layers.Add(Conv2d(ndf * last, ndf * mult, kernel, stride: 1, padding: padding, bias: true));
        layers.Add(new InstanceNorm(ndf * mult));
        layers.Add(LeakyReLU(0.2, inplace: true));
        // (ndf*8) x (H/8 - 1) x (W/8 - 1) with 3 layers
        layers.Add(Conv2d(ndf * mult, 1, kernel, stride: 1, padding: padding));
        // 1 x (H/8 - 2) x (W/8 - 2): 30 x 30 patch scores for a 256 x 256 image
        model = Sequential(layers);
        RegisterComponents();
        WeightInit.Normal(this, options.InitGain);
    }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Score(Tensor samples) => forward(samples);

    /// <summary>Scores images (B, input_nc, H, W) patch by patch: (B, 1, h, w).</summary>
    public override Tensor forward(Tensor input) => model.forward(input);
}

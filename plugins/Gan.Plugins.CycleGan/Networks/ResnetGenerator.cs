using Gan.Abstractions;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.CycleGan.Networks;

/// <summary>
/// The CycleGAN reference's ResnetGenerator (Johnson et al.'s architecture): reflection pad, 7x7 conv, two
/// stride-2 down-samplings, <c>n_blocks</c> residual blocks, two transposed-conv up-samplings, 7x7 conv, tanh.
/// Instance norm without affine parameters, so every conv has a bias (the reference's use_bias for instance norm).
/// With 9 blocks, ngf 64 and RGB it has 11,378,179 parameters, the reference's printed 11.378 M.
/// </summary>
internal sealed class ResnetGenerator : Module<Tensor, Tensor>, IGenerator
{
#pragma warning disable IDE1006 // Named like the reference's `self.model`, so state-dict keys line up.
    private readonly Sequential model;
#pragma warning restore IDE1006

    /// <summary>Builds the network on the CPU with <paramref name="blocks"/> residual blocks.</summary>
    public ResnetGenerator(ResnetGeneratorOptions options, int blocks) : base($"resnet_{blocks}blocks")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(blocks);
        long ngf = options.Ngf;
        var layers = new List<Module<Tensor, Tensor>>
        {
            ReflectionPad2d(3),
            Conv2d(options.InputNc, ngf, 7, bias: true),
            new InstanceNorm(ngf),
            ReLU(inplace: true),
            // ngf x H x W
        };

        const int downsamplings = 2;
        for (var i = 0; i < downsamplings; i++)
        {
            var mult = 1L << i;
            layers.Add(Conv2d(ngf * mult, ngf * mult * 2, 3, stride: 2, padding: 1, bias: true));
            layers.Add(new InstanceNorm(ngf * mult * 2));
            layers.Add(ReLU(inplace: true));
            // (ngf*2) x H/2 x W/2, then (ngf*4) x H/4 x W/4
        }

        var width = ngf << downsamplings;
        for (var i = 0; i < blocks; i++)
        {
            layers.Add(new ResnetBlock(width, options.UseDropout));
            // (ngf*4) x H/4 x W/4
        }

        for (var i = 0; i < downsamplings; i++)
        {
            var mult = 1L << (downsamplings - i);
            layers.Add(ConvTranspose2d(ngf * mult, ngf * mult / 2, 3, stride: 2, padding: 1, output_padding: 1, bias: true));
            layers.Add(new InstanceNorm(ngf * mult / 2));
            layers.Add(ReLU(inplace: true));
            // (ngf*2) x H/2 x W/2, then ngf x H x W
        }

        layers.Add(ReflectionPad2d(3));
        layers.Add(Conv2d(ngf, options.OutputNc, 7, bias: true));
        layers.Add(Tanh());
        // output_nc x H x W, in [-1, 1]
        model = Sequential(layers);
        RegisterComponents();
        WeightInit.Normal(this, options.InitGain);
    }

    /// <inheritdoc />
    public long[]? LatentShape => null;

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Generate(Tensor input) => forward(input);

    /// <summary>Translates images (B, input_nc, H, W) in [-1, 1] to (B, output_nc, H, W); H and W multiples of 4.</summary>
    public override Tensor forward(Tensor input) => model.forward(input);
}

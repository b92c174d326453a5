using Gan.Abstractions;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Mnist;

/// <summary>
/// DCGAN discriminator (Radford et al. 2016) sized for 28×28: strided convolutions instead of pooling,
/// LeakyReLU 0.2, batch norm on the hidden layer (not on the input layer), one logit per image.
/// </summary>
internal sealed class DcganDiscriminator : Module<Tensor, Tensor>, IDiscriminator
{
#pragma warning disable IDE1006 // TorchSharp names the submodule after the field.
    private readonly Sequential main;
#pragma warning restore IDE1006

    /// <summary>Builds the network on the CPU with DCGAN's initialisation; the engine moves it to the device.</summary>
    public DcganDiscriminator(DcganDiscriminatorOptions options) : base("mnist_dcgan_discriminator")
    {
        ArgumentNullException.ThrowIfNull(options);
        var ndf = options.Ndf;
        var layers = new List<Module<Tensor, Tensor>>
        {
            // channels x 28 x 28
            Conv2d(options.Channels, ndf, kernel_size: 4, stride: 2, padding: 1, bias: false),
            LeakyReLU(options.LeakySlope),
            // ndf x 14 x 14
            Conv2d(ndf, ndf * 2, kernel_size: 4, stride: 2, padding: 1, bias: false),
        };
        if (options.BatchNorm)
        {
            layers.Add(BatchNorm2d(ndf * 2));
        }

        layers.Add(LeakyReLU(options.LeakySlope));
        // (ndf*2) x 7 x 7
        layers.Add(Conv2d(ndf * 2, 1, kernel_size: 7, bias: false));
        // 1 x 1 x 1 logit
        main = Sequential(layers);
        RegisterComponents();
        DcganInitialization.Apply(this);
    }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Score(Tensor samples) => forward(samples);

    /// <summary>Maps images (B, channels, 28, 28) to one raw logit per image, shape (B).</summary>
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4 || input.shape[2] != 28 || input.shape[3] != 28)
        {
            throw new ArgumentException(
                $"mnist-dcgan scores 28×28 images shaped (B, C, 28, 28); got [{string.Join(", ", input.shape)}].", nameof(input));
        }

        using var logits = main.forward(input);
        return logits.view(input.shape[0]);
        // (B)
    }
}

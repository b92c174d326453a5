using Gan.Abstractions;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Mnist;

/// <summary>
/// DCGAN generator (Radford et al. 2016) sized for 28×28: transposed convolutions only (no pooling, no fully
/// connected hidden layer), batch norm and ReLU after every layer but the last, Tanh output.
/// </summary>
internal sealed class DcganGenerator : Module<Tensor, Tensor>, IGenerator
{
#pragma warning disable IDE1006 // TorchSharp names the submodule after the field.
    private readonly Sequential main;
#pragma warning restore IDE1006

    private readonly long _latentDim;

    /// <summary>Builds the network on the CPU with DCGAN's initialisation; the engine moves it to the device.</summary>
    public DcganGenerator(DcganGeneratorOptions options) : base("mnist_dcgan_generator")
    {
        ArgumentNullException.ThrowIfNull(options);
        _latentDim = options.LatentDim;
        LatentShape = [options.LatentDim];
        var ngf = options.Ngf;
        main = Sequential(
            // latent_dim x 1 x 1
            ConvTranspose2d(options.LatentDim, ngf * 2, kernel_size: 7, stride: 1, padding: 0, bias: false),
            BatchNorm2d(ngf * 2),
            ReLU(),
            // (ngf*2) x 7 x 7
            ConvTranspose2d(ngf * 2, ngf, kernel_size: 4, stride: 2, padding: 1, bias: false),
            BatchNorm2d(ngf),
            ReLU(),
            // ngf x 14 x 14
            ConvTranspose2d(ngf, options.Channels, kernel_size: 4, stride: 2, padding: 1, bias: false),
            Tanh());
            // channels x 28 x 28, values in [-1, 1] like the normalised data
        RegisterComponents();
        DcganInitialization.Apply(this);
    }

    /// <inheritdoc />
    public long[]? LatentShape { get; }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Generate(Tensor input) => forward(input);

    /// <summary>Maps latents (B, latent_dim) to images (B, channels, 28, 28).</summary>
    public override Tensor forward(Tensor input)
    {
        using var planes = input.view(-1, _latentDim, 1, 1);
        return main.forward(planes);
    }
}

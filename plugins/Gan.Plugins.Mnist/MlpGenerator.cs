using Gan.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Mnist;

/// <summary>
/// The classic tutorial's MLP generator: Linear 100→256→512→1024→784 with LeakyReLU(0.2) between layers and
/// Tanh at the end, reshaped to images. Default PyTorch initialisation (TorchSharp's Linear uses the same).
/// </summary>
internal sealed class MlpGenerator : Module<Tensor, Tensor>, IGenerator
{
    // Named and indexed like the reference's `self.model = nn.Sequential(...)`, so state-dict keys
    // (model.0.weight, model.2.weight, …) line up with a PyTorch checkpoint of the same network.
#pragma warning disable IDE1006 // TorchSharp names the submodule after the field.
    private readonly Sequential model;
#pragma warning restore IDE1006

    private readonly long _channels;
    private readonly long _imageSize;

    /// <summary>Builds the network on the CPU; the engine moves it to the training device.</summary>
    public MlpGenerator(MlpGeneratorOptions options) : base("mnist_mlp_generator")
    {
        ArgumentNullException.ThrowIfNull(options);
        _channels = options.Channels;
        _imageSize = options.ImageSize;
        LatentShape = [options.LatentDim];

        var layers = new List<Module<Tensor, Tensor>>();
        long width = options.LatentDim;
        // (B, latent_dim)
        foreach (var hidden in options.HiddenSizes)
        {
            layers.Add(Linear(width, hidden));
            layers.Add(LeakyReLU(options.LeakySlope));
            width = hidden;
            // (B, hidden)
        }

        layers.Add(Linear(width, _channels * _imageSize * _imageSize));
        layers.Add(Tanh());
        // (B, channels*size*size), values in [-1, 1] like the normalised data
        model = Sequential(layers);
        RegisterComponents();
    }

    /// <inheritdoc />
    public long[]? LatentShape { get; }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Generate(Tensor input) => forward(input);

    /// <summary>Maps latents (B, latent_dim) to images (B, channels, size, size).</summary>
    public override Tensor forward(Tensor input)
    {
        using var flat = model.forward(input);
        return flat.view(-1, _channels, _imageSize, _imageSize);
        // (B, channels, size, size)
    }
}

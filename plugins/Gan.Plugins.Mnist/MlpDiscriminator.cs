using Gan.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Mnist;

/// <summary>
/// The classic tutorial's MLP discriminator: flatten, Linear 784→512→256→1 with LeakyReLU(0.2) between layers.
/// </summary>
/// <remarks>
/// The tutorial ends with a Sigmoid and trains with BCELoss. Here the network returns the raw logit and the BCE
/// loss strategy applies the sigmoid inside <c>binary_cross_entropy_with_logits</c>: mathematically the same
/// objective, but it uses the log-sum-exp form, so it neither saturates nor returns log(0) when the
/// discriminator is confident. It also lets any loss in the catalogue (LSGAN, hinge, WGAN) use this network.
/// </remarks>
internal sealed class MlpDiscriminator : Module<Tensor, Tensor>, IDiscriminator
{
    // Named like the reference's `self.model`, so state-dict keys match a PyTorch checkpoint.
#pragma warning disable IDE1006 // TorchSharp names the submodule after the field.
    private readonly Sequential model;
#pragma warning restore IDE1006

    private readonly long _inputSize;

    /// <summary>Builds the network on the CPU; the engine moves it to the training device.</summary>
    public MlpDiscriminator(MlpDiscriminatorOptions options) : base("mnist_mlp_discriminator")
    {
        ArgumentNullException.ThrowIfNull(options);
        _inputSize = (long)options.Channels * options.ImageSize * options.ImageSize;

        var layers = new List<Module<Tensor, Tensor>>();
        var width = _inputSize;
        // (B, channels*size*size)
        foreach (var hidden in options.HiddenSizes)
        {
            layers.Add(Linear(width, hidden));
            layers.Add(LeakyReLU(options.LeakySlope));
            width = hidden;
            // (B, hidden)
        }

        layers.Add(Linear(width, 1));
        // (B, 1) logits
        model = Sequential(layers);
        RegisterComponents();
    }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Score(Tensor samples) => forward(samples);

    /// <summary>Maps images (B, channels, size, size) to one raw logit per image, shape (B).</summary>
    public override Tensor forward(Tensor input)
    {
        var batch = input.shape[0];
        if (input.numel() != batch * _inputSize)
        {
            throw new ArgumentException(
                $"The discriminator expects {_inputSize} values per sample but got shape [{string.Join(", ", input.shape)}].",
                nameof(input));
        }

        using var flat = input.reshape(batch, _inputSize);
        // (B, channels*size*size)
        using var logits = model.forward(flat);
        // (B, 1)
        return logits.view(batch);
        // (B)
    }
}

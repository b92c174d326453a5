using Gan.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Gan.Plugin;

/// <summary>Example discriminator: points <c>[batch, 2]</c> to one raw score (logit) per point <c>[batch]</c>.</summary>
internal sealed class MlpDiscriminator : nn.Module<Tensor, Tensor>, IDiscriminator
{
    private readonly nn.Module<Tensor, Tensor> _body;

    public MlpDiscriminator(MlpDiscriminatorOptions options) : base(nameof(MlpDiscriminator))
    {
        _body = nn.Sequential(
            nn.Linear(2, options.Hidden), nn.LeakyReLU(options.LeakySlope),
            // hidden
            nn.Linear(options.Hidden, options.Hidden), nn.LeakyReLU(options.LeakySlope),
            // hidden
            nn.Linear(options.Hidden, 1));
        // 1 (logit; the loss applies the sigmoid)
        RegisterComponents();
    }

    public nn.Module Module => this;

    public Tensor Score(Tensor samples) => forward(samples);

    public override Tensor forward(Tensor input) => _body.forward(input).squeeze(-1);
}

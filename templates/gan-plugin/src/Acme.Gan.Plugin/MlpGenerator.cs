using Gan.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Gan.Plugin;

/// <summary>Example generator: noise <c>[batch, latent_dim]</c> to points <c>[batch, 2]</c>.</summary>
internal sealed class MlpGenerator : nn.Module<Tensor, Tensor>, IGenerator
{
    private readonly nn.Module<Tensor, Tensor> _body;

    public MlpGenerator(MlpGeneratorOptions options) : base(nameof(MlpGenerator))
    {
        LatentShape = [options.LatentDim];
        _body = nn.Sequential(
            nn.Linear(options.LatentDim, options.Hidden), nn.ReLU(),
            // hidden
            nn.Linear(options.Hidden, options.Hidden), nn.ReLU(),
            // hidden
            nn.Linear(options.Hidden, 2));
        // 2 (a point in the plane)
        RegisterComponents();
    }

    public long[]? LatentShape { get; }

    public nn.Module Module => this;

    public Tensor Generate(Tensor input) => forward(input);

    public override Tensor forward(Tensor input) => _body.forward(input);
}

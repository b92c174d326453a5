using Gan.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.TestPlugins.DropIn;

internal sealed class ToyGenerator : nn.Module<Tensor, Tensor>, IGenerator
{
    private readonly nn.Module<Tensor, Tensor> _body;

    public ToyGenerator(ToyMlpOptions options) : base(nameof(ToyGenerator))
    {
        LatentShape = [options.LatentDim];
        _body = nn.Sequential(nn.Linear(options.LatentDim, options.Hidden), nn.ReLU(), nn.Linear(options.Hidden, 2));
        RegisterComponents();
    }

    public long[]? LatentShape { get; }

    public nn.Module Module => this;

    public Tensor Generate(Tensor input) => forward(input);

    public override Tensor forward(Tensor input) => _body.forward(input);
}

internal sealed class ToyDiscriminator : nn.Module<Tensor, Tensor>, IDiscriminator
{
    private readonly nn.Module<Tensor, Tensor> _body;

    public ToyDiscriminator(ToyMlpOptions options) : base(nameof(ToyDiscriminator))
    {
        _body = nn.Sequential(nn.Linear(2, options.Hidden), nn.LeakyReLU(0.2), nn.Linear(options.Hidden, 1));
        RegisterComponents();
    }

    public nn.Module Module => this;

    public Tensor Score(Tensor samples) => forward(samples);

    public override Tensor forward(Tensor input) => _body.forward(input).squeeze(-1);
}

using Gan.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Engine.Tests.Losses;

/// <summary>
/// D(x) = w·x + b on flattened samples: its input gradient is w at every point, so penalties on
/// ‖∇D‖ have values and parameter gradients that can be worked out by hand.
/// </summary>
internal sealed class LinearCritic : nn.Module<Tensor, Tensor>, IDiscriminator
{
    private readonly Linear _linear;

    public LinearCritic(float[] weights, float bias = 0f)
        : base(nameof(LinearCritic))
    {
        _linear = nn.Linear(weights.Length, 1);
        RegisterComponents();
        using var noGrad = no_grad();
        _linear.weight!.copy_(tensor(weights).reshape(1, weights.Length));
        _linear.bias!.fill_(bias);
    }

    public nn.Module Module => this;

    public Parameter Weight => _linear.weight!;

    public Tensor Score(Tensor samples) => forward(samples);

    public override Tensor forward(Tensor input) => _linear.forward(input.flatten(1)).squeeze(1);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _linear.Dispose();
        }

        base.Dispose(disposing);
    }
}

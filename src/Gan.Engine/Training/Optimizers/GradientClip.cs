using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Engine.Training.Optimizers;

/// <summary>
/// Clips an optimiser's gradients before its step, as <c>clip_grad_norm_</c> or <c>clip_grad_value_</c> would be
/// called between <c>backward()</c> and <c>step()</c> in PyTorch code; every trainer's optimisers get it from the
/// experiment (<c>optimizers.&lt;role&gt;.clip_grad_norm</c> / <c>clip_grad_value</c>) without changing the trainer.
/// </summary>
internal sealed class GradientClip
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly double? _maxNorm;
    private readonly double? _maxValue;

    public GradientClip(IReadOnlyList<Parameter> parameters, double? maxNorm, double? maxValue)
    {
        _parameters = parameters;
        _maxNorm = maxNorm;
        _maxValue = maxValue;
    }

    /// <summary>The gradients' global L2 norm before the last clip; NaN before the first step.</summary>
    public double LastNorm { get; private set; } = double.NaN;

    /// <summary>Clips the gradients in place.</summary>
    public void Apply()
    {
        var withGradients = _parameters.Where(p => p.grad is not null).ToList();
        if (withGradients.Count == 0)
        {
            return;
        }

        if (_maxValue is { } value)
        {
            LastNorm = GlobalNorm(withGradients);
            nn.utils.clip_grad_value_(withGradients, value);
        }

        if (_maxNorm is { } norm)
        {
            // clip_grad_norm_ returns the norm before clipping (after any value clip above).
            var total = nn.utils.clip_grad_norm_(withGradients, norm);
            LastNorm = _maxValue is null ? total : LastNorm;
        }
    }

    private static double GlobalNorm(IReadOnlyList<Parameter> parameters)
    {
        using var scope = NewDisposeScope();
        return stack(parameters.Select(p => p.grad!.norm()).ToList()).norm().item<float>();
    }
}

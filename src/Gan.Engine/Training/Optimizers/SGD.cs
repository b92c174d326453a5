using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Engine.Training.Optimizers;

/// <summary>
/// TorchSharp's SGD with the experiment's gradient clip applied before each step. Named SGD like its base: TorchSharp
/// writes the type name into the saved state, so checkpoints move freely between the two.
/// </summary>
internal sealed class SGD(IEnumerable<Parameter> parameters, double lr, double momentum, double weightDecay)
    : TorchSharp.Modules.SGD(parameters, lr, momentum, weight_decay: weightDecay), IPreparedOptimizer
{
    public Action? AverageGradients { get; set; }

    public GradientClip? Clip { get; set; }

    public override Tensor step(Func<Tensor>? closure = null)
    {
        AverageGradients?.Invoke();
        Clip?.Apply();
        return base.step(closure);
    }
}

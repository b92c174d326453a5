using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Engine.Training.Optimizers;

/// <summary>
/// TorchSharp's <see cref="TorchSharp.Modules.AdamW"/> with a faster step (see <see cref="AdamUpdate"/>). Construction,
/// parameter groups, learning rates and the saved state are TorchSharp's own. The class keeps the name AdamW on purpose:
/// TorchSharp writes the optimiser's type name into its saved state and refuses a stream of another name, so the same
/// name lets checkpoints move freely between the two.
/// </summary>
internal sealed class AdamW : TorchSharp.Modules.AdamW, IPreparedOptimizer
{
    public AdamW(IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double eps = 1e-8,
        double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : base(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
    }

    public Action? AverageGradients { get; set; }

    public GradientClip? Clip { get; set; }

    public override Tensor step(Func<Tensor>? closure = null)
    {
        AverageGradients?.Invoke();
        Clip?.Apply();
        return AdamUpdate.Step(_parameter_groups, ReadSettings, Advance, decoupledWeightDecay: true, closure)!;
    }

    private static AdamSettings ReadSettings(OptimizerOptions groupOptions)
    {
        var options = (Options)groupOptions;
        return new AdamSettings(options.LearningRate!.Value, options.beta1!.Value, options.beta2!.Value, options.eps!.Value,
            options.weight_decay!.Value, options.amsgrad!.Value, options.maximize!.Value);
    }

    private AdamMoments Advance(Parameter parameter)
    {
        var state = (State)_state[parameter.Handle];
        state.step += 1;
        return new AdamMoments(state.exp_avg, state.exp_avg_sq, state.max_exp_avg_sq, state.step);
    }
}

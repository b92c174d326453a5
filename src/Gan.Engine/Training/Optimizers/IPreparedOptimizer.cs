namespace Gan.Engine.Training.Optimizers;

/// <summary>The engine's optimisers: what they do to the gradients before their update.</summary>
internal interface IPreparedOptimizer
{
    /// <summary>Averages the gradients over the ranks of a data-parallel run; null when training alone. Runs first.</summary>
    Action? AverageGradients { get; set; }

    /// <summary>The gradient clip from <c>clip_grad_norm</c>/<c>clip_grad_value</c>; null without clipping. Runs second.</summary>
    GradientClip? Clip { get; set; }
}

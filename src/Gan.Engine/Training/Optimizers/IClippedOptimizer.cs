namespace Gan.Engine.Training.Optimizers;

/// <summary>An engine optimiser that clips its gradients before each step when the experiment asks for it.</summary>
internal interface IClippedOptimizer
{
    /// <summary>The clip applied at the start of every step; null for none.</summary>
    GradientClip? Clip { get; set; }
}

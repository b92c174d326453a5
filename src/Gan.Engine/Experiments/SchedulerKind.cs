namespace Gan.Engine.Experiments;

/// <summary>The learning-rate schedules the engine applies to any optimiser.</summary>
public enum SchedulerKind
{
    /// <summary>The optimiser's rate throughout (after any warm-up).</summary>
    Constant,

    /// <summary>Constant until <c>start</c>, then linearly to <c>final</c> × the rate at <c>end</c> (CycleGAN's decay).</summary>
    Linear,

    /// <summary>Multiplied by <c>gamma</c> every <c>step_size</c> units (torch's StepLR).</summary>
    Step,

    /// <summary>Multiplied by <c>gamma</c> every unit (torch's ExponentialLR).</summary>
    Exponential,

    /// <summary>Half a cosine from the rate to <c>final</c> × the rate over <c>period</c> units (torch's CosineAnnealingLR).</summary>
    Cosine,
}

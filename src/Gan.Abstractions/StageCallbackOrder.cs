namespace Gan.Abstractions;

/// <summary>
/// Where the engine's stage callbacks run (added in 1.1). A plugin's callback at <see cref="Default"/> runs after the
/// step is logged, checked, evaluated and rendered, and before the checkpoint, so whatever it changes is saved.
/// </summary>
public static class StageCallbackOrder
{
    /// <summary>Logs the step's values and learning rates to the run.</summary>
    public const int Tracking = -400;

    /// <summary>The health monitor: non-finite weights, a winning discriminator, a collapsing generator.</summary>
    public const int Health = -300;

    /// <summary>Metrics at their cadence.</summary>
    public const int Evaluation = -200;

    /// <summary>Sample renderers at their cadence.</summary>
    public const int Samples = -100;

    /// <summary>Plugins' callbacks, unless they say otherwise.</summary>
    public const int Default = 0;

    /// <summary>Training-state checkpoints and weight snapshots: last, so they capture everything before them.</summary>
    public const int Checkpoint = 1000;
}

namespace Gan.Engine.Sweeps;

/// <summary>How trials are chosen from the sweep's parameters.</summary>
public enum SweepMethod
{
    /// <summary>Every combination, in the order the parameters are listed (truncated to max_trials).</summary>
    Grid,

    /// <summary>max_trials independent draws: a uniform choice from a list, or a value from a min/max range.</summary>
    Random,
}

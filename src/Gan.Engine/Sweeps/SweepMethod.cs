namespace Gan.Engine.Sweeps;

/// <summary>How trials are chosen from the sweep's parameters.</summary>
public enum SweepMethod
{
    /// <summary>Every combination, in the order the parameters are listed (truncated to max_trials).</summary>
    Grid,

    /// <summary>max_trials independent draws: a uniform choice from a list, or a value from a min/max range.</summary>
    Random,

    /// <summary>
    /// Successive halving (the promotion rule of ASHA): every trial trains to <c>min_steps</c>, the best
    /// 1/<c>reduction_factor</c> continue from their checkpoint to the next rung, and so on up to <c>max_steps</c>.
    /// Trials are drawn as for random search when <c>max_trials</c> is set, else they are the grid.
    /// </summary>
    Asha,
}

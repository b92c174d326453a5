using System.Collections.Concurrent;

namespace Gan.Engine.Checkpoints;

/// <summary>How <see cref="Training.ExperimentRunner"/> starts a run beyond the experiment itself.</summary>
public sealed class RunOptions
{
    /// <summary>
    /// Resume instead of starting afresh: empty for "the latest checkpoint of the last run of this experiment",
    /// else a checkpoint folder, a run's checkpoint folder or a run id. Null: a new run.
    /// </summary>
    public string? Resume { get; init; }

    /// <summary>Records the run as a child of this tracking run (sweep trials).</summary>
    public string? ParentRunId { get; init; }

    /// <summary>Extra tags set on the run.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Successive-halving rungs: the last stage evaluates the metrics at each of these steps (when its own cadence
    /// did not) so trials are ranked on values taken at the rung. Empty: no rungs.
    /// </summary>
    public IReadOnlyList<long> RungSteps { get; init; } = [];

    /// <summary>
    /// Pauses the last stage after this many steps: a resumable checkpoint is written and the run ends, to be continued
    /// with <see cref="Resume"/> if the sweep promotes it. Null: train to the stage's end.
    /// </summary>
    public long? PauseAtStep { get; init; }

    /// <summary>Filled with the last value of every metric logged, for the caller (sweep results).</summary>
    public ConcurrentDictionary<string, double> FinalMetrics { get; } = new(StringComparer.Ordinal);
}

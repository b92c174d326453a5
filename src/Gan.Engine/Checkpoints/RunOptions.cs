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

    /// <summary>Filled with the last value of every metric logged, for the caller (sweep results).</summary>
    public ConcurrentDictionary<string, double> FinalMetrics { get; } = new(StringComparer.Ordinal);
}

using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Tracking.SystemMetrics;

namespace Gan.Engine.Training;

/// <summary>What a stage reports to, beside its components: tracker, checkpoints, progress display, throughput.</summary>
internal sealed record StageServices(
    IRunTracker Tracker,
    CheckpointWriter Writer,
    ITrainingProgress Progress,
    StageCheckpointer Checkpointer,
    ThroughputCounter Throughput);

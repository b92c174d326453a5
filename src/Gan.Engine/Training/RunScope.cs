using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Experiments;
using Gan.Engine.Plugins;
using Gan.Tracking;

namespace Gan.Engine.Training;

/// <summary>What a run session works in: the experiment, how it was asked to run, its components' context and its root tracking run.</summary>
internal sealed record RunScope(
    ResolvedExperiment Experiment,
    RunOptions Options,
    ResumePoint? Resume,
    ComponentContext Context,
    ITrackingStore Store,
    ITrackedRun Root)
{
    /// <summary>The run's display name; stage runs are named <c>&lt;name&gt;/&lt;stage&gt;</c>.</summary>
    public required string RunName { get; init; }

    /// <summary>The tracking experiment the runs belong to.</summary>
    public required string ExperimentName { get; init; }

    /// <summary>The data-parallel run this process is a rank of; null when it trains alone.</summary>
    public Distributed.DataParallel? DataParallel { get; init; }

    /// <summary>Torch's thread count following the free cores; null when the experiment fixes <c>threads</c>.</summary>
    public AdaptiveThreads? AdaptiveThreads { get; init; }

    /// <summary>The plugins loaded, recorded with the run.</summary>
    public required IReadOnlyList<PluginInfo> Plugins { get; init; }
}

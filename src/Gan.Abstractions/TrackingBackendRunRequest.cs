namespace Gan.Abstractions;

/// <summary>What the host asks an <see cref="ITrackingBackend"/> for when a run starts (contracts 1.1).</summary>
/// <param name="Uri">Where to record, as the experiment names it (<c>tracking.uri</c> or an entry of <c>tracking.also</c>).</param>
/// <param name="ExperimentName">The experiment the run belongs to.</param>
/// <param name="RunName">The run's display name; empty when the host reopens a run and keeps its name.</param>
/// <param name="Tags">Tags set on the run at start (MLflow's system tags, <c>gan.*</c> tags, <c>tracking.tags</c>).</param>
/// <param name="ParentRunId">The id, in this backend, of the run this one is nested in (a stage of a multi-stage experiment).</param>
/// <param name="ExistingRunId">A run of this backend to reopen (a resumed run recorded here as the primary tracker), else null.</param>
public sealed record TrackingBackendRunRequest(
    Uri Uri,
    string ExperimentName,
    string RunName,
    IReadOnlyDictionary<string, string> Tags,
    string? ParentRunId = null,
    string? ExistingRunId = null);

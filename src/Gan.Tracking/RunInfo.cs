namespace Gan.Tracking;

/// <summary>A run read back from any backend: its info, params, tags, latest metric values and dataset inputs.</summary>
/// <param name="RunId">32 lowercase hex digits.</param>
/// <param name="ExperimentId">The experiment it belongs to.</param>
/// <param name="RunName">Display name.</param>
/// <param name="Status">Current status.</param>
/// <param name="StartTime">When it started.</param>
/// <param name="EndTime">When it ended; null while running.</param>
/// <param name="ArtifactUri">Where its artifacts live.</param>
/// <param name="LifecycleStage"><c>active</c> or <c>deleted</c>.</param>
/// <param name="UserId">Who ran it.</param>
/// <param name="Params">Parameters by key.</param>
/// <param name="Tags">Tags by key.</param>
/// <param name="Metrics">Each metric's latest value, chosen as MLflow does: largest step, then timestamp, then value.</param>
/// <param name="Datasets">The run's dataset inputs.</param>
public sealed record RunInfo(
    string RunId,
    string ExperimentId,
    string RunName,
    RunStatus Status,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string ArtifactUri,
    string LifecycleStage,
    string UserId,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, MetricPoint> Metrics,
    IReadOnlyList<RunDataset>? Datasets = null);

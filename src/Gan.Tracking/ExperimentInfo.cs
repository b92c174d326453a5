namespace Gan.Tracking;

/// <summary>An experiment as recorded in its <c>meta.yaml</c>.</summary>
/// <param name="ExperimentId">Numeric string id (folder name).</param>
/// <param name="Name">The experiment's unique name.</param>
/// <param name="ArtifactLocation">Root URI for its runs' artifacts.</param>
/// <param name="LifecycleStage"><c>active</c> or <c>deleted</c>.</param>
/// <param name="CreationTime">When it was created, when recorded.</param>
/// <param name="LastUpdateTime">When it last changed, when recorded.</param>
public sealed record ExperimentInfo(
    string ExperimentId,
    string Name,
    string ArtifactLocation,
    string LifecycleStage,
    DateTimeOffset? CreationTime,
    DateTimeOffset? LastUpdateTime);

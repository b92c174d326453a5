namespace Gan.Engine.Checkpoints;

/// <summary>Which run and stage a checkpoint belongs to.</summary>
/// <param name="ExperimentName">The experiment's name.</param>
/// <param name="RunId">The root tracking run (names the checkpoint folder).</param>
/// <param name="StageIndex">Zero-based stage.</param>
/// <param name="StageName">The stage's name.</param>
/// <param name="StageRunIds">Tracking runs of the stages of a multi-stage experiment, by index.</param>
/// <param name="TrackingStore">The tracking store the runs are recorded in (its description, without credentials).</param>
internal sealed record StageIdentity(
    string ExperimentName,
    string RunId,
    int StageIndex,
    string StageName,
    IReadOnlyDictionary<int, string> StageRunIds,
    string TrackingStore);

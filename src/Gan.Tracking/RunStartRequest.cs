namespace Gan.Tracking;

/// <summary>What the engine asks a tracking store for when a training run starts.</summary>
/// <param name="ExperimentName">The experiment to record under; found by name or created.</param>
/// <param name="RunName">Display name (MLflow's <c>run_name</c> and tag <c>mlflow.runName</c>); empty lets the store choose one.</param>
/// <param name="Tags">Tags set on the run at start (system tags such as <c>mlflow.source.git.commit</c> included).</param>
/// <param name="ParentRunId">Makes this a nested run: recorded as tag <c>mlflow.parentRunId</c>.</param>
/// <param name="ExistingRunId">Reopens this run (resume) instead of creating one: status goes back to running and logging appends.</param>
public sealed record RunStartRequest(
    string ExperimentName,
    string RunName,
    IReadOnlyDictionary<string, string> Tags,
    string? ParentRunId = null,
    string? ExistingRunId = null);

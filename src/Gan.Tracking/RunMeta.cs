using System.Globalization;
using System.Text;

namespace Gan.Tracking;

/// <summary>
/// A run's <c>meta.yaml</c>, with the fields and order MLflow's FileStore writes
/// (<c>_make_persisted_run_info_dict</c>, keys sorted; <c>tags: []</c> and the source fields are legacy
/// placeholders MLflow still writes for old readers).
/// </summary>
internal sealed record RunMeta(
    string RunId,
    string ExperimentId,
    string RunName,
    string ArtifactUri,
    string UserId,
    long? StartTime,
    long? EndTime,
    RunStatus Status,
    string LifecycleStage = "active")
{
    /// <summary>MLflow's SourceType.LOCAL, the value its FileStore always writes.</summary>
    private const int SourceTypeLocal = 4;

    /// <summary>
    /// Renders the file. MLflow adds <c>deleted_time: null</c> only when it creates the run (rewrites drop it),
    /// so <paramref name="onCreate"/> reproduces that.
    /// </summary>
    public string ToYaml(bool onCreate)
    {
        var builder = new StringBuilder(512);
        void Line(string key, string rendered) => builder.Append(key).Append(": ").Append(rendered).Append('\n');

        Line("artifact_uri", MlflowYaml.Scalar(ArtifactUri));
        if (onCreate)
        {
            Line("deleted_time", "null");
        }

        Line("end_time", MlflowYaml.Scalar(EndTime));
        Line("entry_point_name", "''");
        Line("experiment_id", MlflowYaml.Scalar(ExperimentId));
        Line("lifecycle_stage", MlflowYaml.Scalar(LifecycleStage));
        Line("run_id", MlflowYaml.Scalar(RunId));
        Line("run_name", MlflowYaml.Scalar(RunName));
        Line("run_uuid", MlflowYaml.Scalar(RunId));
        Line("source_name", "''");
        Line("source_type", SourceTypeLocal.ToString(CultureInfo.InvariantCulture));
        Line("source_version", "''");
        Line("start_time", MlflowYaml.Scalar(StartTime));
        Line("status", ((int)Status).ToString(CultureInfo.InvariantCulture));
        Line("tags", "[]");
        Line("user_id", MlflowYaml.Scalar(UserId));
        return builder.ToString();
    }

    /// <summary>Reads a run's <c>meta.yaml</c> (ours or MLflow's).</summary>
    public static RunMeta Read(string path)
    {
        var map = MlflowYaml.ReadMapping(path);
        string Text(string key) => map.TryGetValue(key, out var v) && v is not null ? v : string.Empty;
        long? Number(string key) =>
            map.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

        var runId = Text("run_id");
        if (runId.Length == 0)
        {
            runId = Text("run_uuid");
        }

        // MLflow treats a missing status as RUNNING.
        var status = Number("status") is { } s && Enum.IsDefined(typeof(RunStatus), (int)s) ? (RunStatus)(int)s : RunStatus.Running;
        var stage = Text("lifecycle_stage");
        return new RunMeta(
            runId,
            Text("experiment_id"),
            Text("run_name"),
            Text("artifact_uri"),
            Text("user_id"),
            Number("start_time"),
            Number("end_time"),
            status,
            stage.Length == 0 ? "active" : stage);
    }
}

using System.Reflection;

namespace Gan.Tracking.Sqlite;

/// <summary>
/// The MLflow schema revision this store creates, and the tables and columns it reads and writes. MLflow's SQL
/// schema is internal to MLflow and changes through alembic migrations; these facts come from its SQLAlchemy models
/// and migrations (see <c>mlflow-schema-6953534de441.sql</c> beside this file).
/// </summary>
internal static class MlflowSqliteSchema
{
    /// <summary>Alembic revision of new databases: "add step to inputs table", the head of MLflow 3.0.</summary>
    public const string Revision = "6953534de441";

    /// <summary>For error messages: which MLflow versions this store is written for.</summary>
    public const string SupportedVersions =
        "MLflow 3.0 and later (new databases are created at schema revision " + Revision + ", MLflow 3.0's)";

    /// <summary>Id and name MLflow gives the experiment it creates with a new database.</summary>
    public const long DefaultExperimentId = 0;

    /// <inheritdoc cref="DefaultExperimentId"/>
    public const string DefaultExperimentName = "Default";

    /// <summary>
    /// Every table and column this store touches. A database missing one of them cannot be written correctly; extra
    /// columns (added by newer MLflow versions) are fine as long as they are nullable or have a default.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> RequiredColumns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["alembic_version"] = ["version_num"],
        ["experiments"] = ["experiment_id", "name", "artifact_location", "lifecycle_stage", "creation_time", "last_update_time"],
        ["experiment_tags"] = ["key", "value", "experiment_id"],
        ["runs"] =
        [
            "run_uuid", "name", "source_type", "source_name", "entry_point_name", "user_id", "status", "start_time",
            "end_time", "source_version", "lifecycle_stage", "artifact_uri", "experiment_id", "deleted_time",
        ],
        ["tags"] = ["key", "value", "run_uuid"],
        ["params"] = ["key", "value", "run_uuid"],
        ["metrics"] = ["key", "value", "timestamp", "run_uuid", "step", "is_nan"],
        ["latest_metrics"] = ["key", "value", "timestamp", "step", "is_nan", "run_uuid"],
        ["datasets"] = ["dataset_uuid", "experiment_id", "name", "digest", "dataset_source_type", "dataset_source", "dataset_schema", "dataset_profile"],
        ["inputs"] = ["input_uuid", "source_type", "source_id", "destination_type", "destination_id"],
        ["input_tags"] = ["input_uuid", "name", "value"],
        ["logged_models"] =
        [
            "model_id", "experiment_id", "name", "artifact_location", "creation_timestamp_ms", "last_updated_timestamp_ms", "status",
            "lifecycle_stage", "model_type", "source_run_id", "status_message",
        ],
        ["logged_model_params"] = ["model_id", "experiment_id", "param_key", "param_value"],
        ["logged_model_tags"] = ["model_id", "experiment_id", "tag_key", "tag_value"],
        ["logged_model_metrics"] = ["model_id", "metric_name", "metric_timestamp_ms", "metric_step", "metric_value", "experiment_id", "run_id"],
    };

    /// <summary>The <c>CREATE</c> statements of a new database at <see cref="Revision"/>, in dependency order.</summary>
    public static IReadOnlyList<string> CreateStatements() => LazyStatements.Value;

    private static readonly Lazy<IReadOnlyList<string>> LazyStatements = new(LoadStatements);

    private static List<string> LoadStatements()
    {
        using var stream = typeof(MlflowSqliteSchema).Assembly.GetManifestResourceStream("Gan.Tracking.Sqlite.mlflow-schema.sql")
            ?? throw new InvalidOperationException("The MLflow schema resource is missing from " + typeof(MlflowSqliteSchema).Assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        var statements = new List<string>();
        var current = new System.Text.StringBuilder();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.Trim() == ";")
            {
                statements.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }

            current.AppendLine(line);
        }

        return statements.Where(s => s.Length > 0).ToList();
    }
}

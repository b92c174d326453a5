using Microsoft.Data.Sqlite;

namespace Gan.Tracking.Sqlite;

/// <summary>
/// MLflow 3 LoggedModels in the SQL schema (revision 400f98739977 on): one <c>logged_models</c> row, READY, with its
/// params, tags and the run's final metrics in <c>logged_model_params</c>, <c>logged_model_tags</c> and
/// <c>logged_model_metrics</c>, as SqlAlchemyStore writes them, so MLflow's UI lists the model in the experiment's
/// Models tab and on the run.
/// </summary>
internal static class SqliteLoggedModels
{
    public static void Record(
        SqliteConnection connection, SqliteTransaction transaction, string runId, long experimentId, string modelId, string location, LoggedModelHeader model, long timestamp)
    {
        SqliteConnections.Execute(connection, transaction,
            "INSERT INTO logged_models (model_id, experiment_id, name, artifact_location, creation_timestamp_ms, last_updated_timestamp_ms, status, " +
            "lifecycle_stage, model_type, source_run_id, status_message) VALUES ($id, $experiment, $name, $location, $now, $now, $status, 'active', $type, $run, NULL) " +
            "ON CONFLICT (model_id) DO NOTHING",
            ("$id", modelId), ("$experiment", experimentId), ("$name", model.Name), ("$location", location), ("$now", timestamp),
            ("$status", LoggedModels.ReadyStatus), ("$type", model.ModelType), ("$run", runId));
        foreach (var (key, value) in model.Params)
        {
            SqliteConnections.Execute(connection, transaction,
                "INSERT INTO logged_model_params (model_id, experiment_id, param_key, param_value) VALUES ($id, $experiment, $key, $value) ON CONFLICT DO NOTHING",
                ("$id", modelId), ("$experiment", experimentId), ("$key", key), ("$value", value));
        }

        foreach (var (key, value) in model.Tags)
        {
            SqliteConnections.Execute(connection, transaction,
                "INSERT INTO logged_model_tags (model_id, experiment_id, tag_key, tag_value) VALUES ($id, $experiment, $key, $value) " +
                "ON CONFLICT (model_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value",
                ("$id", modelId), ("$experiment", experimentId), ("$key", key), ("$value", value));
        }

        foreach (var metric in model.Metrics)
        {
            SqliteConnections.Execute(connection, transaction,
                "INSERT INTO logged_model_metrics (model_id, metric_name, metric_timestamp_ms, metric_step, metric_value, experiment_id, run_id) " +
                "VALUES ($id, $key, $time, $step, $value, $experiment, $run) ON CONFLICT DO NOTHING",
                ("$id", modelId), ("$key", metric.Key), ("$time", metric.Timestamp), ("$step", metric.Step),
                ("$value", double.IsFinite(metric.Value) ? metric.Value : DBNull.Value), ("$experiment", experimentId), ("$run", runId));
        }
    }

    /// <summary>The folder of model <paramref name="modelId"/>, or null.</summary>
    public static string? Location(SqliteConnection connection, string modelId)
    {
        using var command = SqliteConnections.Command(connection, null,
            "SELECT artifact_location FROM logged_models WHERE model_id = $id AND lifecycle_stage = 'active'", ("$id", modelId));
        return command.ExecuteScalar() as string;
    }
}

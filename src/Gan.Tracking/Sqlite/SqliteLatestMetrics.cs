using Microsoft.Data.Sqlite;

namespace Gan.Tracking.Sqlite;

/// <summary>
/// MLflow's <c>latest_metrics</c> table: per run and key, the value with the largest (step, timestamp, value), which
/// the UI's run tables show. Kept in step with <c>metrics</c> on every insert, as SqlAlchemyStore does.
/// </summary>
internal static class SqliteLatestMetrics
{
    /// <summary>Insert-or-replace when the new value is not older than the stored one.</summary>
    public const string UpsertSql =
        "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ($key, $value, $timestamp, $step, $is_nan, $run) " +
        "ON CONFLICT (key, run_uuid) DO UPDATE SET value = excluded.value, timestamp = excluded.timestamp, step = excluded.step, is_nan = excluded.is_nan " +
        "WHERE (excluded.step, excluded.timestamp, excluded.value) >= (latest_metrics.step, latest_metrics.timestamp, latest_metrics.value)";

    /// <summary>Recomputes a run's rows from its metric history (after values were deleted).</summary>
    public static void Rebuild(SqliteConnection connection, SqliteTransaction transaction, string runId)
    {
        SqliteConnections.Execute(connection, transaction,
            "DELETE FROM latest_metrics WHERE run_uuid = $run; " +
            "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) " +
            "SELECT key, value, timestamp, step, is_nan, run_uuid FROM (" +
            "  SELECT *, ROW_NUMBER() OVER (PARTITION BY key ORDER BY step DESC, timestamp DESC, value DESC) AS rank" +
            "  FROM metrics WHERE run_uuid = $run) WHERE rank = 1",
            ("$run", runId));
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gan.Tracking.Sqlite;

/// <summary>
/// A run in MLflow's SQLite store. The writer task records each batch of queued calls in one transaction through
/// prepared statements, so logging every step costs one short commit per batch, not one per value. A batch that
/// meets another process's lock is retried, never dropped.
/// </summary>
internal sealed class SqliteTrackedRun : QueuedTrackedRun
{
    // Largest finite double: MLflow stores ±inf as ±this because SQL databases cannot hold infinities.
    private const double MaxFinite = 1.7976931348623157e308;
    private static readonly TimeSpan RetryFor = TimeSpan.FromMinutes(5);

    private readonly SqliteConnection _connection;
    private readonly string _artifactFolder;
    private readonly SqliteCommand _metric;
    private readonly SqliteCommand _latest;
    private readonly SqliteCommand _param;
    private readonly SqliteCommand _tag;
    private readonly SqliteCommand _runName;
    private readonly SqliteCommand _end;
    private readonly Dictionary<string, (double Value, long Timestamp, long Step, int IsNan)> _latestInBatch = new(StringComparer.Ordinal);

    private SqliteTrackedRun(
        SqliteConnection connection,
        string runId,
        string experimentId,
        string artifactUri,
        string artifactFolder,
        IReadOnlyDictionary<string, string> existingParams,
        ILogger logger,
        TimeProvider time,
        TimeSpan endTimeout)
        : base(runId, experimentId, artifactUri, existingParams, logger, time, endTimeout)
    {
        _connection = connection;
        _artifactFolder = artifactFolder;
        _metric = Prepare(
            "INSERT OR IGNORE INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES ($key, $value, $timestamp, $run, $step, $is_nan)",
            "$key", "$value", "$timestamp", "$step", "$is_nan");
        _latest = Prepare(SqliteLatestMetrics.UpsertSql, "$key", "$value", "$timestamp", "$step", "$is_nan");
        // A param keeps its first value (MLflow refuses a different one); the base class already warned about it.
        _param = Prepare("INSERT INTO params (key, value, run_uuid) VALUES ($key, $value, $run) ON CONFLICT (key, run_uuid) DO NOTHING", "$key", "$value");
        _tag = Prepare(
            "INSERT INTO tags (key, value, run_uuid) VALUES ($key, $value, $run) ON CONFLICT (key, run_uuid) DO UPDATE SET value = excluded.value",
            "$key", "$value");
        // MLflow keeps runs.name in step with the mlflow.runName tag.
        _runName = Prepare("UPDATE runs SET name = $value WHERE run_uuid = $run", "$value");
        _end = Prepare("UPDATE runs SET status = $status, end_time = $end WHERE run_uuid = $run", "$status", "$end");
    }

    /// <summary>Creates the run object over <paramref name="connection"/> (which it then owns) and starts its writer.</summary>
    public static SqliteTrackedRun Open(
        SqliteConnection connection,
        string runId,
        string experimentId,
        string artifactUri,
        string artifactFolder,
        IReadOnlyDictionary<string, string> existingParams,
        ILogger logger,
        TimeProvider time,
        TimeSpan endTimeout)
    {
        var run = new SqliteTrackedRun(connection, runId, experimentId, artifactUri, artifactFolder, existingParams, logger, time, endTimeout);
        run.StartWriter();
        return run;
    }

    /// <summary>The status text MLflow's SQL store writes.</summary>
    internal static string StatusText(RunStatus status) => status switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Scheduled => "SCHEDULED",
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        RunStatus.Killed => "KILLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <inheritdoc />
    protected override async ValueTask ApplyBatchAsync(IReadOnlyList<TrackingOperation> batch)
    {
        // Files first and outside the transaction: a large checkpoint must not hold the database's write lock.
        foreach (var op in batch)
        {
            if (op.Kind == TrackingOperationKind.Artifact)
            {
                WriteArtifact(op);
            }
            else if (op.Kind == TrackingOperationKind.Model)
            {
                WriteModelFiles(op);
            }
        }

        var started = DateTime.UtcNow;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                WriteRows(batch);
                return;
            }
            catch (SqliteException ex) when (SqliteConnections.IsBusy(ex) && DateTime.UtcNow - started < RetryFor)
            {
                // Another process held the lock past the busy timeout (a long MLflow migration, say): the batch is
                // still whole, so wait and write it again rather than lose it.
                Logger.LogWarning(TrackingLogEvents.WriteFailed, "Tracking database busy for run {RunId} ({Message}); retrying", RunId, ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 << Math.Min(attempt, 6))));
            }
            catch (SqliteException ex) when (!SqliteConnections.IsBusy(ex) && batch.Count > 1)
            {
                // One record the database refuses must not take the rest of the batch with it.
                Logger.LogWarning(TrackingLogEvents.WriteFailed, "Tracking batch of run {RunId} refused ({Message}); writing its records one by one", RunId, ex.Message);
                foreach (var op in batch.Where(o => o.Kind is not (TrackingOperationKind.Artifact or TrackingOperationKind.Model)))
                {
                    await ApplyBatchAsync([op]);
                }

                return;
            }
        }
    }

    /// <inheritdoc />
    protected override ValueTask FlushAsync() => ValueTask.CompletedTask; // every batch is committed as it is written

    /// <inheritdoc />
    protected override ValueTask CloseAsync()
    {
        foreach (var command in new[] { _metric, _latest, _param, _tag, _runName, _end })
        {
            command.Dispose();
        }

        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private void WriteRows(IReadOnlyList<TrackingOperation> batch)
    {
        using var transaction = _connection.BeginTransaction();
        _latestInBatch.Clear();
        foreach (var op in batch)
        {
            ApplyRow(op, transaction);
        }

        // One latest_metrics upsert per key and batch (the newest of the batch), not one per value.
        foreach (var (key, (value, timestamp, step, isNan)) in _latestInBatch)
        {
            Run(_latest, transaction, key, value, timestamp, step, isNan);
        }

        transaction.Commit();
    }

    private void ApplyRow(in TrackingOperation op, SqliteTransaction transaction)
    {
        switch (op.Kind)
        {
            case TrackingOperationKind.Metric:
                var isNan = double.IsNaN(op.Value);
                var value = isNan ? 0 : double.IsInfinity(op.Value) ? Math.CopySign(MaxFinite, op.Value) : op.Value;
                Run(_metric, transaction, op.Key, value, op.Timestamp, op.Step, isNan ? 1 : 0);
                if (!_latestInBatch.TryGetValue(op.Key, out var newest)
                    || (op.Step, op.Timestamp, value).CompareTo((newest.Step, newest.Timestamp, newest.Value)) >= 0)
                {
                    _latestInBatch[op.Key] = (value, op.Timestamp, op.Step, isNan ? 1 : 0);
                }

                break;
            case TrackingOperationKind.Param:
                Run(_param, transaction, op.Key, op.Text!);
                break;
            case TrackingOperationKind.Tag:
                Run(_tag, transaction, op.Key, op.Text!);
                if (op.Key == TrackingKeys.RunNameTag)
                {
                    Run(_runName, transaction, op.Text!);
                }

                break;
            case TrackingOperationKind.Model:
                var (modelId, location) = ModelPlace(op);
                SqliteLoggedModels.Record(_connection, transaction, RunId, long.Parse(ExperimentId, System.Globalization.CultureInfo.InvariantCulture),
                    modelId, location, LoggedModels.ReadHeader(op.Text!), op.Timestamp);
                Run(_tag, transaction, LoggedModels.TagKey(op.Key), LoggedModels.TagValue(modelId, location));
                break;
            case TrackingOperationKind.Dataset:
                SqliteDatasets.Record(_connection, transaction, RunId, long.Parse(ExperimentId, System.Globalization.CultureInfo.InvariantCulture), DatasetInputs.Deserialize(op.Text!));
                break;
            case TrackingOperationKind.End:
                Run(_end, transaction, StatusText((RunStatus)op.Step), op.Timestamp);
                break;
        }
    }

    // The model's id and folder as MLflow's SQL store lays them out (<experiment location>/models/<id>/artifacts). The
    // id is derived from the record, so a batch written again after a busy database reuses the same id and folder.
    private (string ModelId, string Location) ModelPlace(in TrackingOperation op)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{RunId}|{op.Key}|{op.Timestamp}"));
        var modelId = "m-" + Convert.ToHexStringLower(hash)[..32];
        var experimentLocation = Path.GetDirectoryName(Path.GetDirectoryName(_artifactFolder.TrimEnd(Path.DirectorySeparatorChar)))!;
        return (modelId, Path.Combine(experimentLocation, "models", modelId, "artifacts"));
    }

    private void WriteModelFiles(in TrackingOperation op)
    {
        try
        {
            LoggedModels.WriteFiles(op.Content ?? [], ModelPlace(op).Location);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Logger.LogError(TrackingLogEvents.WriteFailed, ex, "Could not write model {Path} of run {RunId}", op.Key, RunId);
        }
    }

    private void WriteArtifact(in TrackingOperation op)
    {
        try
        {
            var target = Path.GetFullPath(Path.Combine(_artifactFolder, op.Key.Replace('/', Path.DirectorySeparatorChar)));
            FileStorePaths.WriteAtomically(target, op.Content ?? []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // One unwritable artifact must not roll back the metrics recorded beside it.
            Logger.LogError(TrackingLogEvents.WriteFailed, ex, "Could not write artifact {Path} of run {RunId}", op.Key, RunId);
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Parameters.AddWithValue("$run", RunId);
        return command;
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction, params object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}

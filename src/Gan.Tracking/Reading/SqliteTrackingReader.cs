using System.Globalization;
using Gan.Tracking.Sqlite;
using Microsoft.Data.Sqlite;

namespace Gan.Tracking;

/// <summary><see cref="ITrackingReader"/> over MLflow's SQLite store (ours or one MLflow wrote); read-only.</summary>
public sealed class SqliteTrackingReader : ITrackingReader
{
    private readonly string _databasePath;

    /// <summary>Reads the database at <paramref name="databasePath"/>.</summary>
    public SqliteTrackingReader(string databasePath) => _databasePath = Path.GetFullPath(databasePath);

    /// <inheritdoc />
    public string Description => $"MLflow SQLite store {SqliteStoreLocation.UriFor(_databasePath)}";

    /// <inheritdoc />
    public Task<IReadOnlyList<ExperimentInfo>> ListExperimentsAsync(CancellationToken ct) =>
        Query<IReadOnlyList<ExperimentInfo>>(connection => ReadExperiments(connection, "lifecycle_stage = 'active'", null), []);

    /// <inheritdoc />
    public Task<ExperimentInfo?> FindExperimentByNameAsync(string name, CancellationToken ct) =>
        Query(connection => ReadExperiments(connection, "lifecycle_stage = 'active' AND name = $p", name).FirstOrDefault(), null);

    /// <inheritdoc />
    public Task<IReadOnlyList<RunInfo>> ListRunsAsync(string experimentId, CancellationToken ct) =>
        Query<IReadOnlyList<RunInfo>>(
            connection => long.TryParse(experimentId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                ? ReadRuns(connection, "experiment_id = $p", id)
                : [],
            []);

    /// <inheritdoc />
    public Task<RunInfo> GetRunAsync(string runId, CancellationToken ct) =>
        Query(connection => ReadRuns(connection, "run_uuid = $p", runId).FirstOrDefault(), null)
            .ContinueWith(t => t.Result ?? throw new KeyNotFoundException($"Run '{runId}' not found in {Description}."), ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

    /// <inheritdoc />
    public Task<IReadOnlyList<MetricPoint>> GetMetricHistoryAsync(string runId, string key, CancellationToken ct) =>
        Query<IReadOnlyList<MetricPoint>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT timestamp, value, is_nan, step FROM metrics WHERE run_uuid = $run AND key = $key ORDER BY rowid";
                command.Parameters.AddWithValue("$run", runId);
                command.Parameters.AddWithValue("$key", key);
                using var reader = command.ExecuteReader();
                var points = new List<MetricPoint>();
                while (reader.Read())
                {
                    points.Add(new MetricPoint(reader.GetInt64(0), Value(reader, 1, 2), reader.GetInt64(3)));
                }

                return points;
            },
            []);

    /// <inheritdoc />
    public Task<ModelLocation?> FindModelAsync(string modelId, CancellationToken ct) =>
        Query(connection => SqliteLoggedModels.Location(connection, modelId) is { } location ? new ModelLocation(modelId, location) : null, null);

    /// <inheritdoc />
    public Task<string> FetchModelAsync(ModelLocation model, string cacheFolder, CancellationToken ct) =>
        Task.FromResult(LoggedModelFiles.LocalFolder(model));

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private Task<T> Query<T>(Func<SqliteConnection, T> read, T whenMissing) => Task.Run(() =>
    {
        if (!File.Exists(_databasePath))
        {
            return whenMissing;
        }

        using var connection = SqliteConnections.OpenReadOnly(_databasePath);
        using var check = connection.CreateCommand();
        // A file another process has just created holds no tables until its first commit: nothing recorded yet.
        check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'experiments'";
        return Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0 ? whenMissing : read(connection);
    });

    private static List<ExperimentInfo> ReadExperiments(SqliteConnection connection, string where, object? parameter)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time FROM experiments WHERE {where} ORDER BY experiment_id";
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("$p", parameter);
        }

        using var reader = command.ExecuteReader();
        var result = new List<ExperimentInfo>();
        while (reader.Read())
        {
            result.Add(new ExperimentInfo(
                reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
                reader.GetString(1),
                reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
                reader.IsDBNull(3) ? "active" : reader.GetString(3),
                Time(reader, 4),
                Time(reader, 5)));
        }

        return result;
    }

    private static List<RunInfo> ReadRuns(SqliteConnection connection, string where, object parameter)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT run_uuid, experiment_id, name, status, start_time, end_time, artifact_uri, lifecycle_stage, user_id " +
            $"FROM runs WHERE {where} ORDER BY start_time, run_uuid";
        command.Parameters.AddWithValue("$p", parameter);
        var runs = new List<RunInfo>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var runId = reader.GetString(0);
                runs.Add(new RunInfo(
                    runId,
                    reader.IsDBNull(1) ? string.Empty : reader.GetInt64(1).ToString(CultureInfo.InvariantCulture),
                    reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
                    ParseStatus(reader.IsDBNull(3) ? null : reader.GetString(3)),
                    Time(reader, 4),
                    Time(reader, 5),
                    reader.IsDBNull(6) ? string.Empty : reader.GetString(6),
                    reader.IsDBNull(7) ? "active" : reader.GetString(7),
                    reader.IsDBNull(8) ? string.Empty : reader.GetString(8),
                    new Dictionary<string, string>(StringComparer.Ordinal),
                    new Dictionary<string, string>(StringComparer.Ordinal),
                    new Dictionary<string, MetricPoint>(StringComparer.Ordinal)));
            }
        }

        return runs.Select(run => Fill(connection, run)).ToList();
    }

    private static RunInfo Fill(SqliteConnection connection, RunInfo run)
    {
        var parameters = (Dictionary<string, string>)run.Params;
        var tags = (Dictionary<string, string>)run.Tags;
        var metrics = (Dictionary<string, MetricPoint>)run.Metrics;
        ReadPairs(connection, "SELECT key, value FROM params WHERE run_uuid = $run", run.RunId, parameters);
        ReadPairs(connection, "SELECT key, value FROM tags WHERE run_uuid = $run", run.RunId, tags);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, timestamp, value, is_nan, step FROM latest_metrics WHERE run_uuid = $run";
        command.Parameters.AddWithValue("$run", run.RunId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            metrics[reader.GetString(0)] = new MetricPoint(reader.IsDBNull(1) ? 0 : reader.GetInt64(1), Value(reader, 2, 3), reader.GetInt64(4));
        }

        run = run with { Datasets = SqliteDatasets.Read(connection, run.RunId) };

        // MLflow falls back to the tag when the run's name column is empty.
        return run.RunName.Length == 0 && tags.TryGetValue(TrackingKeys.RunNameTag, out var name) ? run with { RunName = name } : run;
    }

    private static void ReadPairs(SqliteConnection connection, string sql, string runId, Dictionary<string, string> into)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$run", runId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            into[reader.GetString(0)] = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
        }
    }

    private static double Value(SqliteDataReader reader, int value, int isNan) =>
        reader.GetBoolean(isNan) ? double.NaN : reader.GetDouble(value) switch
        {
            >= 1.7976931348623157e308 => double.PositiveInfinity,
            <= -1.7976931348623157e308 => double.NegativeInfinity,
            var finite => finite,
        };

    private static RunStatus ParseStatus(string? text) => text switch
    {
        "FINISHED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "KILLED" => RunStatus.Killed,
        "SCHEDULED" => RunStatus.Scheduled,
        _ => RunStatus.Running,
    };

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}

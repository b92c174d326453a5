using System.Globalization;
using Gan.Abstractions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Tracking.Sqlite;

/// <summary>
/// The embedded default backend: MLflow's own SQLite store (<c>sqlite:///mlflow.db</c>, MLflow's default since 3.7),
/// written in MLflow's relational schema so that <c>mlflow ui</c> started in the same folder shows the runs.
/// Artifacts go where MLflow's client puts them for a SQLite URI: <c>./mlruns/&lt;experiment id&gt;/&lt;run id&gt;/artifacts</c>.
/// Several processes may write one database at once (sweep trials, a resumed run, MLflow's UI reading).
/// </summary>
public sealed class SqliteTrackingStore : ITrackingStore
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly object _schemaGate = new();
    private string? _revision;

    /// <summary>A store in the database at <paramref name="databasePath"/> (created on first use).</summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="artifactRoot">Folder under which new experiments keep their runs' artifacts (MLflow's client: <c>./mlruns</c>).</param>
    /// <param name="loggerFactory">Where warnings and write failures go.</param>
    /// <param name="timeProvider">Clock for start/end times and metric timestamps; tests pass a fixed one.</param>
    public SqliteTrackingStore(string databasePath, string artifactRoot, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentException.ThrowIfNullOrEmpty(artifactRoot);
        DatabasePath = Path.GetFullPath(databasePath);
        ArtifactRoot = Path.GetFullPath(artifactRoot);
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<SqliteTrackingStore>();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Where new experiments keep artifacts.</summary>
    public string ArtifactRoot { get; }

    /// <summary>The database's MLflow schema revision, once the store has opened it.</summary>
    public string? SchemaRevision => _revision;

    /// <summary>How long <see cref="ITrackedRun.EndAsync"/> waits for queued records to reach the database.</summary>
    public TimeSpan EndTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public string Description => $"MLflow SQLite store {SqliteStoreLocation.UriFor(DatabasePath)} (artifacts in {ArtifactRoot})";

    /// <inheritdoc />
    public Task<ITrackedRun> StartRunAsync(RunStartRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.Run(() => Start(request), ct);
    }

    /// <inheritdoc />
    public Task<MetricHistoryTrim?> TrimMetricHistoryAsync(string runId, long lastStep, CancellationToken ct) =>
        Task.Run<MetricHistoryTrim?>(
            () => File.Exists(DatabasePath) ? Trim(runId, lastStep) : new MetricHistoryTrim(0, 0, new Dictionary<string, IReadOnlySet<long>>()), ct);

    /// <summary>Opens the database, creating or checking the schema the first time.</summary>
    internal SqliteConnection Open()
    {
        SqliteConnection? connection = null;
        try
        {
            connection = SqliteConnections.OpenReadWrite(DatabasePath);
            lock (_schemaGate)
            {
                _revision ??= SqliteSchemaGuard.Ensure(connection, DatabasePath, ArtifactRoot, _time.GetUtcNow().ToUnixTimeMilliseconds());
            }

            return connection;
        }
        catch (SqliteException ex) when (!SqliteConnections.IsBusy(ex))
        {
            connection?.Dispose();
            throw SqliteSchemaGuard.NotADatabase(DatabasePath, ex);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    private ITrackedRun Start(RunStartRequest request)
    {
        var connection = Open();
        try
        {
            var run = request.ExistingRunId is { Length: > 0 } existing ? Reopen(connection, existing, request) : Create(connection, request);
            connection = null; // the run owns it now
            return run;
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private SqliteTrackedRun Create(SqliteConnection connection, RunStartRequest request)
    {
        var runId = Guid.NewGuid().ToString("N");
        var runName = request.RunName is { Length: > 0 } name
            ? name
            : request.Tags.GetValueOrDefault(TrackingKeys.RunNameTag) is { Length: > 0 } tagged ? tagged : "run-" + runId[..8];
        var user = request.Tags.GetValueOrDefault(MlflowTags.User) ?? Environment.UserName;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        long experimentId;
        string artifactUri;
        using (var transaction = connection.BeginTransaction())
        {
            var experiment = FindOrCreateExperiment(connection, transaction, request.ExperimentName, now);
            experimentId = experiment.Id;
            artifactUri = SqliteArtifactPaths.RunArtifactUri(RunArtifactBase(experiment), runId);
            // MLflow's SqlAlchemyStore.create_run writes source_type UNKNOWN and empty source fields; the UI reads the
            // mlflow.source.* tags instead.
            using var insert = SqliteConnections.Command(connection, transaction,
                "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, " +
                "source_version, lifecycle_stage, artifact_uri, experiment_id, deleted_time) " +
                "VALUES ($run, $name, 'UNKNOWN', '', '', $user, 'RUNNING', $now, NULL, '', 'active', $uri, $experiment, NULL)",
                ("$run", runId), ("$name", runName), ("$user", user), ("$now", now), ("$uri", artifactUri), ("$experiment", experimentId));
            insert.ExecuteNonQuery();
            transaction.Commit();
        }

        var run = OpenRun(connection, runId, experimentId, artifactUri, new Dictionary<string, string>());
        foreach (var (key, value) in RunStartTags.For(request, runName, creating: true))
        {
            run.SetTag(key, value);
        }

        return run;
    }

    private SqliteTrackedRun Reopen(SqliteConnection connection, string runId, RunStartRequest request)
    {
        long experimentId;
        string artifactUri;
        using (var transaction = connection.BeginTransaction())
        {
            using var find = SqliteConnections.Command(connection, transaction,
                "SELECT experiment_id, artifact_uri FROM runs WHERE run_uuid = $run", ("$run", runId));
            using (var reader = find.ExecuteReader())
            {
                if (!reader.Read())
                {
                    throw new GanInputException($"Cannot resume run '{runId}': it is not in {Description}.");
                }

                experimentId = reader.GetInt64(0);
                artifactUri = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
            }

            using var update = SqliteConnections.Command(connection, transaction,
                "UPDATE runs SET status = 'RUNNING', end_time = NULL WHERE run_uuid = $run", ("$run", runId));
            update.ExecuteNonQuery();
            transaction.Commit();
        }

        var run = OpenRun(connection, runId, experimentId, artifactUri, ReadParams(connection, runId));
        foreach (var (key, value) in RunStartTags.For(request, request.RunName is { Length: > 0 } name ? name : null, creating: false))
        {
            run.SetTag(key, value);
        }

        return run;
    }

    private SqliteTrackedRun OpenRun(SqliteConnection connection, string runId, long experimentId, string artifactUri, IReadOnlyDictionary<string, string> existingParams)
    {
        var artifactFolder = SqliteArtifactPaths.LocalFolder(artifactUri)
            ?? Path.Combine(ArtifactRoot, experimentId.ToString(CultureInfo.InvariantCulture), runId, "artifacts");
        return SqliteTrackedRun.Open(
            connection,
            runId,
            experimentId.ToString(CultureInfo.InvariantCulture),
            artifactUri,
            artifactFolder,
            existingParams,
            _loggerFactory.CreateLogger<SqliteTrackedRun>(),
            _time,
            EndTimeout);
    }

    private string RunArtifactBase((long Id, string? Location) experiment)
    {
        if (experiment.Location is { Length: > 0 } location && SqliteArtifactPaths.LocalFolder(location) is not null)
        {
            return location;
        }

        // An experiment an MLflow server created with a remote or proxied root (mlflow-artifacts:/1): we cannot
        // upload there without the server, so this run keeps its artifacts locally and records that path, which
        // a server on this machine serves as well.
        var local = SqliteArtifactPaths.ExperimentLocation(ArtifactRoot, experiment.Id);
        _logger.LogWarning(
            TrackingLogEvents.RemoteArtifactLocation,
            "Experiment {ExperimentId} keeps artifacts at {Location}, which this store cannot write; this run's artifacts go to {Local}",
            experiment.Id, experiment.Location ?? "(none)", local);
        return local;
    }

    private (long Id, string? Location) FindOrCreateExperiment(SqliteConnection connection, SqliteTransaction transaction, string name, long now)
    {
        var experimentName = string.IsNullOrWhiteSpace(name) ? MlflowSqliteSchema.DefaultExperimentName : name;
        using (var find = SqliteConnections.Command(connection, transaction,
            "SELECT experiment_id, artifact_location, lifecycle_stage FROM experiments WHERE name = $name", ("$name", experimentName)))
        {
            using var reader = find.ExecuteReader();
            if (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!reader.IsDBNull(2) && reader.GetString(2) == "deleted")
                {
                    // MLflow refuses this too (RESOURCE_ALREADY_EXISTS): a deleted experiment keeps its name.
                    throw new GanInputException(
                        $"Experiment '{experimentName}' (id {id}) is deleted in {SqliteStoreLocation.UriFor(DatabasePath)}; restore it in MLflow's UI "
                        + "(or 'mlflow experiments restore') or choose another experiment name.");
                }

                return (id, reader.IsDBNull(1) ? null : reader.GetString(1));
            }
        }

        using var insert = SqliteConnections.Command(connection, transaction,
            "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time) " +
            "VALUES ($name, NULL, 'active', $now, $now) RETURNING experiment_id",
            ("$name", experimentName), ("$now", now));
        var created = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);

        // As MLflow does: the id decides the location, so it is set right after the insert.
        var location = SqliteArtifactPaths.ExperimentLocation(ArtifactRoot, created);
        using var update = SqliteConnections.Command(connection, transaction,
            "UPDATE experiments SET artifact_location = $location WHERE experiment_id = $id", ("$location", location), ("$id", created));
        update.ExecuteNonQuery();
        _logger.LogInformation(TrackingLogEvents.StoreCreated, "Created experiment {ExperimentName} (id {ExperimentId}) in {Database}", experimentName, created, DatabasePath);
        return (created, location);
    }

    private static Dictionary<string, string> ReadParams(SqliteConnection connection, string runId)
    {
        using var command = SqliteConnections.Command(connection, null, "SELECT key, value FROM params WHERE run_uuid = $run", ("$run", runId));
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }

        return result;
    }

    private MetricHistoryTrim Trim(string runId, long lastStep)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var delete = SqliteConnections.Command(connection, transaction,
            "DELETE FROM metrics WHERE run_uuid = $run AND step > $step", ("$run", runId), ("$step", lastStep));
        var removed = delete.ExecuteNonQuery();
        if (removed > 0)
        {
            SqliteLatestMetrics.Rebuild(connection, transaction, runId);
        }

        using var steps = SqliteConnections.Command(connection, transaction, "SELECT key, step FROM metrics WHERE run_uuid = $run", ("$run", runId));
        var stored = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        using (var reader = steps.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = reader.GetString(0);
                if (!stored.TryGetValue(key, out var set))
                {
                    stored[key] = set = [];
                }

                set.Add(reader.GetInt64(1));
            }
        }

        transaction.Commit();
        return new MetricHistoryTrim(removed, 0, stored.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<long>)kv.Value, StringComparer.Ordinal));
    }
}

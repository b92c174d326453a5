using Gan.Abstractions;
using Gan.Tracking.Sqlite;
using Microsoft.Data.Sqlite;

namespace Gan.Tracking.Tests.Sqlite;

public sealed class SqliteSchemaTests : IDisposable
{
    private static readonly Dictionary<string, string> NoTags = new();
    private readonly TemporaryDirectory _temp = new();
    private readonly CapturingLoggerFactory _logs = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_new_database_has_mlflow_schema_of_its_revision_exactly()
    {
        var store = NewStore(_temp.Combine("new", "mlflow.db"));
        await using (var run = await store.StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None))
        {
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        var fixture = SchemaFixture.CreateDatabase(_temp.Path, SchemaFixture.CreatedRevision);
        Assert.Equal(SchemaFixture.Snapshot(fixture), SchemaFixture.Snapshot(store.DatabasePath));
        Assert.Equal(SchemaFixture.CreatedRevision, Scalar(store.DatabasePath, "SELECT version_num FROM alembic_version"));
        Assert.Equal(SchemaFixture.CreatedRevision, MlflowSqliteSchema.Revision);
        // MLflow's Default experiment, id 0, comes with every new database.
        Assert.Equal($"Default|{store.ArtifactRoot}/0", Scalar(store.DatabasePath, "SELECT name || '|' || artifact_location FROM experiments WHERE experiment_id = 0"));
        Assert.Equal("wal", Scalar(store.DatabasePath, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_database_a_later_mlflow_upgraded_is_written_correctly_and_keeps_its_revision()
    {
        // Created and written here, then migrated as MLflow's upgrade would, then written again by a new process.
        var database = _temp.Combine("upgraded", "mlflow.db");
        string before;
        await using (var run = await NewStore(database).StartRunAsync(new RunStartRequest("later", "before", NoTags), CancellationToken.None))
        {
            before = run.RunId;
            run.LogMetric("loss", 0.9, 1);
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        SchemaFixture.Migrate(database);
        // The Default experiment as an MLflow server with proxied artifacts records it.
        Execute(database, "UPDATE experiments SET artifact_location = 'mlflow-artifacts:/0' WHERE experiment_id = 0");
        var store = NewStore(database);
        string runId;
        await using (var run = await store.StartRunAsync(new RunStartRequest("later", "r", NoTags), CancellationToken.None))
        {
            runId = run.RunId;
            run.LogParam("lr", "0.1");
            run.LogMetric("loss", 0.5, 3);
            run.LogArtifact("a.txt", [1, 2, 3]);
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        // The Default experiment the server created keeps its artifacts behind the server's proxy: this store writes
        // them locally instead, records that path, and says so.
        string defaultRunId;
        await using (var run = await store.StartRunAsync(new RunStartRequest("Default", "d", NoTags), CancellationToken.None))
        {
            defaultRunId = run.RunId;
            run.LogArtifact("b.txt", [4]);
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        Assert.Equal(SchemaFixture.LaterRevision, store.SchemaRevision);
        Assert.Equal(SchemaFixture.LaterRevision, Scalar(database, "SELECT version_num FROM alembic_version"));
        Assert.Equal("default", Scalar(database, "SELECT workspace FROM experiments WHERE name = 'later'"));
        Assert.Equal("1", Scalar(database, "SELECT count(*) FROM experiments WHERE name = 'later'"));
        using var reader = new SqliteTrackingReader(database);
        var info = await reader.GetRunAsync(runId, CancellationToken.None);
        Assert.Equal((RunStatus.Finished, "0.1", 0.5), (info.Status, info.Params["lr"], info.Metrics["loss"].Value));
        Assert.Equal(info.ExperimentId, (await reader.GetRunAsync(before, CancellationToken.None)).ExperimentId);
        Assert.True(File.Exists(Path.Combine(info.ArtifactUri, "a.txt")));
        var defaultRun = await reader.GetRunAsync(defaultRunId, CancellationToken.None);
        Assert.Equal($"{store.ArtifactRoot}/0/{defaultRunId}/artifacts", defaultRun.ArtifactUri);
        Assert.True(File.Exists(Path.Combine(defaultRun.ArtifactUri, "b.txt")));
        Assert.Contains(_logs.Warnings, w => w.Message.Contains("mlflow-artifacts:/0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\tdeleted_time BIGINT,\n", "", "column 'runs.deleted_time'")]
    [InlineData(
        "\tis_nan BOOLEAN DEFAULT '0' NOT NULL,\n\tCONSTRAINT metric_pk PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan),\n\tFOREIGN KEY(run_uuid) REFERENCES runs (run_uuid),\n\tCHECK (is_nan IN (0, 1))",
        "\tCONSTRAINT metric_pk PRIMARY KEY (key, timestamp, step, run_uuid, value),\n\tFOREIGN KEY(run_uuid) REFERENCES runs (run_uuid)",
        "column 'metrics.is_nan'")]
    [InlineData("CREATE INDEX index_latest_metrics_run_uuid ON latest_metrics (run_uuid)", "DROP TABLE latest_metrics", "table 'latest_metrics'")]
    public async Task A_database_missing_what_the_store_writes_is_refused_with_the_table_or_column_and_the_supported_versions(
        string find, string replace, string expected)
    {
        var database = SchemaFixture.CreateDatabase(_temp.Path, SchemaFixture.CreatedRevision, text =>
        {
            Assert.Contains(find, text, StringComparison.Ordinal);
            return text.Replace(find, replace, StringComparison.Ordinal);
        });

        var error = await Assert.ThrowsAsync<GanInputException>(() => NewStore(database).StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(database, error.Message, StringComparison.Ordinal);
        Assert.Contains("MLflow 3.0 and later", error.Message, StringComparison.Ordinal);
        Assert.Contains("mlflow db upgrade", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newer_schema_requiring_a_column_the_store_does_not_know_is_refused()
    {
        var database = SchemaFixture.CreateDatabase(_temp.Path, SchemaFixture.LaterRevision,
            text => text.Replace("\tdeleted_time BIGINT,\n", "\tdeleted_time BIGINT,\n\tproject_id VARCHAR(36) NOT NULL,\n", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<GanInputException>(() => NewStore(database).StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None));

        Assert.Contains("'runs.project_id'", error.Message, StringComparison.Ordinal);
        Assert.Contains(SchemaFixture.LaterRevision, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_named_in_the_error()
    {
        var path = _temp.Combine("mlflow.db");
        await File.WriteAllTextAsync(path, "this is a text file, not SQLite, and long enough to have a header of its own............");

        var error = await Assert.ThrowsAsync<GanInputException>(() => NewStore(path).StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_of_another_program_is_not_taken_over()
    {
        var path = _temp.Combine("other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY)";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<GanInputException>(() => NewStore(path).StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None));

        Assert.Contains("not an MLflow database", error.Message, StringComparison.Ordinal);
        Assert.Contains("invoices", error.Message, StringComparison.Ordinal);
    }

    private SqliteTrackingStore NewStore(string database) => new(database, _temp.Combine("mlruns"), _logs);

    private static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static string? Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Gan.Tracking.Sqlite;
using Microsoft.Data.Sqlite;

namespace Gan.Tracking.Tests.Sqlite;

public sealed class SqliteStoreTests : IDisposable
{
    private static readonly Dictionary<string, string> NoTags = new();
    private readonly TemporaryDirectory _temp = new();
    private readonly FixedTimeProvider _clock = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Rows_follow_mlflow_sql_store_conventions()
    {
        var store = new SqliteTrackingStore(_temp.Combine("mlflow.db"), _temp.Combine("mlruns"), timeProvider: _clock);
        string runId;
        await using (var run = await store.StartRunAsync(new RunStartRequest("conventions", "before", NoTags), CancellationToken.None))
        {
            runId = run.RunId;
            run.LogMetric("nan", double.NaN, 1);
            run.LogMetric("inf", double.NegativeInfinity, 1);
            run.LogMetric("late", 2, 5);
            run.LogMetric("late", 9, 3);      // logged later, but an earlier step: not the latest value
            run.LogMetric("twice", 1, 1);
            run.LogMetric("twice", 1, 1);     // same key, time, step and value: one row, as MLflow keeps it
            run.LogParam("lr", "0.1");
            run.LogParam("lr", "0.2");        // MLflow refuses a changed param: the first value stays
            run.SetTag(TrackingKeys.RunNameTag, "after");
            run.LogImage("samples/grid", [0x89, 0x50, 0x4E, 0x47], 7);
            await run.EndAsync(RunStatus.Failed, CancellationToken.None);
        }

        var db = store.DatabasePath;
        var ms = _clock.Milliseconds.ToString(CultureInfo.InvariantCulture);
        Assert.Equal("1|1", SqliteSchemaTests.Scalar(db, "SELECT (value = 0) || '|' || is_nan FROM metrics WHERE key = 'nan'"));
        Assert.Equal(-1.7976931348623157e308, double.Parse(SqliteSchemaTests.Scalar(db, "SELECT value FROM metrics WHERE key = 'inf'")!, CultureInfo.InvariantCulture));
        Assert.Equal("2|5", SqliteSchemaTests.Scalar(db, "SELECT CAST(value AS INTEGER) || '|' || step FROM latest_metrics WHERE key = 'late'"));
        Assert.Equal("1", SqliteSchemaTests.Scalar(db, "SELECT count(*) FROM metrics WHERE key = 'twice'"));
        Assert.Equal("0.1", SqliteSchemaTests.Scalar(db, "SELECT value FROM params WHERE key = 'lr'"));
        Assert.Equal(
            $"after|UNKNOWN|FAILED|{ms}|{ms}|active|{store.ArtifactRoot}/1/{runId}/artifacts|1|{Environment.UserName}",
            SqliteSchemaTests.Scalar(db, "SELECT name || '|' || source_type || '|' || status || '|' || start_time || '|' || end_time || '|' || lifecycle_stage || '|' || artifact_uri || '|' || experiment_id || '|' || user_id FROM runs"));
        Assert.Equal($"conventions|{store.ArtifactRoot}/1|active", SqliteSchemaTests.Scalar(db, "SELECT name || '|' || artifact_location || '|' || lifecycle_stage FROM experiments WHERE experiment_id = 1"));
        Assert.Equal("True", SqliteSchemaTests.Scalar(db, $"SELECT value FROM tags WHERE key = '{TrackingKeys.LoggedImagesTag}'"));
        var images = Directory.GetFiles(Path.Combine(store.ArtifactRoot, "1", runId, "artifacts", "images"));
        Assert.Equal(2, images.Length); // the image and its thumbnail, named as MLflow's log_image names them
        Assert.All(images, f => Assert.StartsWith("samples#grid%step%7%timestamp%" + ms, Path.GetFileName(f), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sqlite:///mlflow.db", "mlflow.db")]
    [InlineData("sqlite:///runs/store.db", "runs/store.db")]
    [InlineData("sqlite:///runs/store.db?timeout=20", "runs/store.db")]
    [InlineData("sqlite:////tmp/abs/mlflow.db", "/tmp/abs/mlflow.db")]
    public void Uris_name_files_as_sqlalchemy_reads_them(string uri, string expected)
    {
        Assert.True(SqliteStoreLocation.IsSqliteUri(uri));
        Assert.Equal(Path.GetFullPath(expected), SqliteStoreLocation.DatabasePath(uri));
        Assert.Equal(SqliteStoreLocation.DatabasePath(uri), SqliteStoreLocation.DatabasePath(SqliteStoreLocation.UriFor(SqliteStoreLocation.DatabasePath(uri))));
    }

    [Theory]
    [InlineData("sqlite://")]
    [InlineData("sqlite:///:memory:")]
    [InlineData("sqlite:relative.db")]
    public void In_memory_and_malformed_uris_are_refused_with_the_form_to_write(string uri)
    {
        var error = Assert.Throws<FormatException>(() => SqliteStoreLocation.DatabasePath(uri));
        Assert.Contains("sqlite:///", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_writer_processes_lose_no_write_while_a_reader_polls()
    {
        const int writers = 4;
        const int steps = 300;
        var database = _temp.Combine("shared", "mlflow.db");
        using var stopReading = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            // MLflow's UI reading while trials write: every poll must succeed.
            while (!stopReading.IsCancellationRequested)
            {
                if (File.Exists(database))
                {
                    using var r = new SqliteTrackingReader(database);
                    foreach (var experiment in await r.ListExperimentsAsync(CancellationToken.None))
                    {
                        await r.ListRunsAsync(experiment.ExperimentId, CancellationToken.None);
                    }

                    Interlocked.Increment(ref reads);
                }

                await Task.Delay(20);
            }
        });

        var processes = Enumerable.Range(0, writers)
            .Select(i => StartWriter(database, "sweep", $"trial-{i}", steps))
            .ToList();
        foreach (var process in processes)
        {
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "a writer hung");
            var error = await process.StandardError.ReadToEndAsync();
            Assert.True(process.ExitCode == 0, $"writer failed ({process.ExitCode}): {error}");
            Assert.DoesNotContain("locked", error, StringComparison.OrdinalIgnoreCase);
            process.Dispose();
        }

        await RestFixture.WaitUntilAsync(() => Volatile.Read(ref reads) > 0, "the reader to read the database once");
        await stopReading.CancelAsync();
        await reader;
        Assert.Equal("1", SqliteSchemaTests.Scalar(database, "SELECT count(*) FROM experiments WHERE name = 'sweep'"));
        Assert.Equal($"{writers}", SqliteSchemaTests.Scalar(database, "SELECT count(*) FROM runs WHERE status = 'FINISHED'"));
        Assert.Equal($"{writers * steps * 3}", SqliteSchemaTests.Scalar(database, "SELECT count(*) FROM metrics"));
        Assert.Equal($"{writers * steps}", SqliteSchemaTests.Scalar(database, "SELECT count(*) FROM params"));
        Assert.Equal($"{writers * 3}", SqliteSchemaTests.Scalar(database, $"SELECT count(*) FROM latest_metrics WHERE step = {steps}"));
        Assert.Equal($"{writers}", SqliteSchemaTests.Scalar(database, $"SELECT count(*) FROM tags WHERE key = 'last_step' AND value = '{steps}'"));
    }

    [Fact]
    public async Task A_writer_killed_mid_run_leaves_a_consistent_database_with_the_run_running_until_resumed()
    {
        var database = _temp.Combine("crash", "mlflow.db");
        using (var process = StartWriter(database, "crash", "victim", 400, hang: true))
        {
            var runId = await process.StandardOutput.ReadLineAsync();
            Assert.Equal("logged", await process.StandardOutput.ReadLineAsync());
            await RestFixture.WaitUntilAsync(
                () => SqliteSchemaTests.Scalar(database, "SELECT count(*) FROM metrics") == "1200",
                "the writer's metrics to reach the database");
            process.Kill(); // SIGKILL: no chance to end the run
            process.WaitForExit();

            Assert.Equal("ok", SqliteSchemaTests.Scalar(database, "PRAGMA integrity_check"));
            Assert.Equal("RUNNING", SqliteSchemaTests.Scalar(database, $"SELECT status FROM runs WHERE run_uuid = '{runId}'"));

            var store = new SqliteTrackingStore(database, _temp.Combine("crash", "mlruns"));
            await using var resumed = await store.StartRunAsync(new RunStartRequest("crash", "", NoTags, ExistingRunId: runId), CancellationToken.None);
            resumed.LogMetric("d_loss", 0.001, 401);
            await resumed.EndAsync(RunStatus.Finished, CancellationToken.None);
            Assert.Equal("FINISHED|401", SqliteSchemaTests.Scalar(database, $"SELECT r.status || '|' || m.step FROM runs r JOIN latest_metrics m ON m.run_uuid = r.run_uuid WHERE r.run_uuid = '{runId}' AND m.key = 'd_loss'"));
        }
    }

    private Process StartWriter(string database, string experiment, string runName, int steps, bool hang = false)
    {
        var writer = typeof(SqliteStoreTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "TrackingWriter").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { writer, database, Path.Combine(Path.GetDirectoryName(database)!, "mlruns"), experiment, runName, steps.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (hang)
        {
            start.ArgumentList.Add("--hang");
        }

        return Process.Start(start)!;
    }
}

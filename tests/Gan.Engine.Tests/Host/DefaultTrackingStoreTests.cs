using Gan.Engine.Tests.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Tracking.Tests.Sqlite;
using Microsoft.Data.Sqlite;

namespace Gan.Engine.Tests.Host;

/// <summary>The default tracking store as a new user meets it: MLflow's SQLite database beside the run, and <c>gan ui</c>.</summary>
[Collection(InProcessTrainingCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DefaultTrackingStoreTests
{
    [Fact]
    public void A_run_with_no_tracking_settings_writes_mlflow_db_in_mlflows_schema_with_every_row_kind()
    {
        using var temp = new TemporaryDirectory();
        var path = TinyExperiments.Mnist(temp, steps: 12, everySteps: 6, trackingUri: TinyExperiments.DefaultStore);

        var (exit, output) = GanProcess.Run(temp.Path, "run", path);

        Assert.True(exit == 0, output);
        var database = temp.Combine("mlflow.db");
        Assert.True(File.Exists(database), output);
        Assert.False(File.Exists(temp.Combine("mlruns", "0", "meta.yaml")), "no file store is written beside it");
        var fixture = SchemaFixture.CreateDatabase(temp.Combine(), SchemaFixture.CreatedRevision);
        Assert.Equal(SchemaFixture.Snapshot(fixture), SchemaFixture.Snapshot(database));

        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        Assert.Equal(SchemaFixture.CreatedRevision, Scalar(connection, "SELECT version_num FROM alembic_version"));
        Assert.Equal("Default,tiny-ckpt", Scalar(connection, "SELECT group_concat(name, ',') FROM (SELECT name FROM experiments ORDER BY experiment_id)"));
        var runId = Scalar(connection, "SELECT run_uuid FROM runs WHERE status = 'FINISHED' AND experiment_id = 1");
        Assert.Equal(temp.Combine("mlruns", "1", runId, "artifacts"), Scalar(connection, "SELECT artifact_uri FROM runs"));
        Assert.True(File.Exists(temp.Combine("mlruns", "1", runId, "artifacts", "experiment.yaml")));
        Assert.Equal("12", Scalar(connection, $"SELECT count(*) FROM metrics WHERE run_uuid = '{runId}' AND key = 'd_loss'"));
        Assert.Equal("12", Scalar(connection, $"SELECT step FROM latest_metrics WHERE run_uuid = '{runId}' AND key = 'g_loss'"));
        Assert.Equal("32", Scalar(connection, $"SELECT value FROM params WHERE run_uuid = '{runId}' AND key = 'data.batch_size'"));
        Assert.Equal(Scalar(connection, $"SELECT name FROM runs WHERE run_uuid = '{runId}'"),
            Scalar(connection, $"SELECT value FROM tags WHERE run_uuid = '{runId}' AND key = 'mlflow.runName'"));
        Assert.Equal("LOCAL", Scalar(connection, $"SELECT value FROM tags WHERE run_uuid = '{runId}' AND key = 'mlflow.source.type'"));
        // The data it read, as MLflow dataset inputs: both MNIST splits with their context.
        Assert.Equal("mnist-test:validation,mnist-train:training", Scalar(connection,
            "SELECT group_concat(x, ',') FROM (SELECT d.name || ':' || t.value AS x FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id " +
            $"JOIN input_tags t ON t.input_uuid = i.input_uuid AND t.name = 'mlflow.data.context' WHERE i.destination_id = '{runId}' ORDER BY d.name)"));
        Assert.Contains("\"images\":60000", Scalar(connection, "SELECT dataset_profile FROM datasets WHERE name = 'mnist-train'"), StringComparison.Ordinal);
        // Both networks as MLflow LoggedModels (READY), their files where MLflow's SQL store puts a model's files.
        Assert.Equal("train-discriminator:2,train-generator:2", Scalar(connection,
            $"SELECT group_concat(x, ',') FROM (SELECT name || ':' || status AS x FROM logged_models WHERE source_run_id = '{runId}' AND name NOT LIKE 'train-best-%' ORDER BY name)"));
        // best_metric d_loss: the best checkpoint taken during the stage, unless it is the last step, is logged too.
        var store = Gan.Engine.Checkpoints.CheckpointStore.ForRun(temp.Combine("checkpoints"), runId);
        var bestStep = Gan.Engine.Checkpoints.CheckpointStore.ReadManifest(
            store.Best("d_loss", Gan.Engine.Checkpoints.MetricGoal.Min, m => m.Position.StageIndex == 0)!).Position.Step;
        Assert.Equal(bestStep < 12 ? "2" : "0", Scalar(connection, $"SELECT count(*) FROM logged_models WHERE source_run_id = '{runId}' AND name LIKE 'train-best-%'"));
        var location = Scalar(connection, "SELECT artifact_location FROM logged_models WHERE name = 'train-generator'");
        Assert.StartsWith(temp.Combine("mlruns", "1", "models", "m-"), location, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(location, "generator.tsmodel")));
        Assert.Contains("component: 'mnist-mlp'", File.ReadAllText(Path.Combine(location, "MLmodel")), StringComparison.Ordinal);

        var (listExit, listing) = GanProcess.Run(temp.Path, "runs", "list");
        Assert.True(listExit == 0, listing);
        Assert.Contains(runId, listing, StringComparison.Ordinal);
        Assert.Contains("sqlite:///", listing, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_file_store_in_mlruns_stays_the_default_and_the_user_is_told_how_to_switch()
    {
        using var temp = new TemporaryDirectory();
        temp.WriteFile(Path.Combine("mlruns", "0", "meta.yaml"), "artifact_location: file:///x\nexperiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
        var path = TinyExperiments.Mnist(temp, steps: 2, everySteps: 100, trackingUri: TinyExperiments.DefaultStore);

        var (exit, output) = GanProcess.Run(temp.Path, "run", path);

        Assert.True(exit == 0, output);
        Assert.False(File.Exists(temp.Combine("mlflow.db")));
        Assert.Contains("MLFLOW_ALLOW_FILE_STORE=true", output, StringComparison.Ordinal);
        Assert.Contains("sqlite:///mlflow.db", output, StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(temp.Combine("mlruns")), d => File.Exists(Path.Combine(d, "meta.yaml")) && Path.GetFileName(d) != "0");
    }

    [Fact]
    public void Gan_ui_starts_mlflow_on_the_store_and_upgrades_the_database_once_when_mlflow_asks()
    {
        using var temp = new TemporaryDirectory();
        var calls = temp.Combine("calls.txt");
        var fake = FakeMlflow(temp, $$"""
            echo "$@" >> '{{calls}}'
            if [ "$1" = ui ] && [ ! -f '{{temp.Combine("upgraded")}}' ]; then
              echo "mlflow.exceptions.MlflowException: Detected out-of-date database schema (found version 6953534de441, but expected 1b5f0d9ad7c1). Take a backup of your database, then run 'mlflow db upgrade <database_uri>'" >&2
              exit 1
            fi
            if [ "$1" = db ]; then touch '{{temp.Combine("upgraded")}}'; fi
            echo "Listening at: http://127.0.0.1:5000"
            """);

        var (exit, output) = GanProcess.Run(temp.Path, "ui", "--mlflow", fake);

        Assert.True(exit == 0, output);
        var uri = "sqlite:///" + temp.Combine("mlflow.db");
        var ui = $"ui --backend-store-uri {uri} --default-artifact-root {temp.Combine("mlruns")} --host 127.0.0.1 --port 5000";
        Assert.Equal([ui, $"db upgrade {uri}", ui], File.ReadAllLines(calls));
        Assert.Contains("mlflow db upgrade", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gan_ui_opens_a_file_store_with_the_variable_newer_mlflow_needs_and_binds_where_told()
    {
        using var temp = new TemporaryDirectory();
        var calls = temp.Combine("calls.txt");
        var fake = FakeMlflow(temp, $"""echo "$@ allow=$MLFLOW_ALLOW_FILE_STORE" >> '{calls}'""");

        var (exit, output) = GanProcess.Run(temp.Path, "ui", "--mlflow", fake, "--tracking-uri", temp.Combine("runs"), "--host", "0.0.0.0", "--port", "5123");

        Assert.True(exit == 0, output);
        Assert.Equal([$"ui --backend-store-uri {temp.Combine("runs")} --host 0.0.0.0 --port 5123 allow=true"], File.ReadAllLines(calls));
    }

    [Fact]
    public void Gan_ui_without_mlflow_prints_the_command_that_installs_it()
    {
        using var temp = new TemporaryDirectory();

        var (exit, output) = GanProcess.Run(temp.Path, "ui", "--mlflow", temp.Combine("no-such-mlflow"));

        Assert.Equal(3, exit);
        Assert.Contains("pip install mlflow", output, StringComparison.Ordinal);
        Assert.Contains("--backend-store-uri sqlite:///" + temp.Combine("mlflow.db"), output.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private static string FakeMlflow(TemporaryDirectory temp, string body)
    {
        var path = temp.WriteFile("mlflow", "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}

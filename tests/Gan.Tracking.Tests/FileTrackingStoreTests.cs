using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gan.Tracking.Tests;

public sealed class FileTrackingStoreTests : IDisposable
{
    private static readonly Dictionary<string, string> NoTags = new();
    private readonly TemporaryDirectory _temp = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly FixedTimeProvider _clock = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Full_lifecycle_is_read_back_and_written_in_mlflow_file_store_layout()
    {
        var store = NewStore();
        var tags = new Dictionary<string, string> { ["mlflow.source.git.commit"] = "0123abc" };
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };

        string runId;
        string experimentId;
        await using (var run = await store.StartRunAsync(new RunStartRequest("gan-mnist", "mlp-1", tags), CancellationToken.None))
        {
            runId = run.RunId;
            experimentId = run.ExperimentId;
            run.LogParam("lr", "0.0002");
            run.SetTag("model", "mlp");
            run.LogMetric("loss/d", 0.5, 1);
            run.LogMetric("loss/d", 0.25, 2);
            run.LogMetrics(new Dictionary<string, double> { ["loss/g"] = 1.5, ["fid"] = double.NaN }, 2);
            run.LogArtifact("samples/notes.txt", Encoding.UTF8.GetBytes("hello"));
            run.LogImage("samples/grid", png, 3);
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        Assert.Matches("^[0-9a-f]{32}$", runId);
        var root = store.RootDirectory;
        var ms = _clock.Milliseconds.ToString(CultureInfo.InvariantCulture);

        // Read back through the reader.
        var reader = new FileStoreReader(root);
        var experiment = Assert.Single(reader.ListExperiments(), e => e.Name == "gan-mnist");
        Assert.Equal(experimentId, experiment.ExperimentId);
        var info = reader.GetRun(runId);
        Assert.Equal(RunStatus.Finished, info.Status);
        Assert.Equal("mlp-1", info.RunName);
        Assert.Equal(FixedTimeProvider.Instant, info.StartTime);
        Assert.Equal(FixedTimeProvider.Instant, info.EndTime);
        Assert.Equal("0.0002", info.Params["lr"]);
        Assert.Equal("mlp", info.Tags["model"]);
        Assert.Equal("mlp-1", info.Tags["mlflow.runName"]);
        Assert.Equal("0123abc", info.Tags["mlflow.source.git.commit"]);
        Assert.Equal("LOCAL", info.Tags["mlflow.source.type"]);
        Assert.Equal("True", info.Tags["mlflow.loggedImages"]);
        Assert.Equal(new MetricPoint(_clock.Milliseconds, 0.25, 2), info.Metrics["loss/d"]);
        Assert.True(double.IsNaN(info.Metrics["fid"].Value));
        Assert.Equal(
            [new MetricPoint(_clock.Milliseconds, 0.5, 1), new MetricPoint(_clock.Milliseconds, 0.25, 2)],
            reader.GetMetricHistory(runId, "loss/d"));

        // And as raw files, exactly as MLflow's FileStore lays them out.
        var experimentDirectory = Path.Combine(root, experimentId);
        var experimentUri = new Uri(experimentDirectory).AbsoluteUri;
        Assert.Equal(
            $"artifact_location: {experimentUri}\ncreation_time: {ms}\nexperiment_id: '{experimentId}'\n"
            + $"last_update_time: {ms}\nlifecycle_stage: active\nname: gan-mnist\n",
            File.ReadAllText(Path.Combine(experimentDirectory, "meta.yaml")));

        var runDirectory = Path.Combine(experimentDirectory, runId);
        Assert.Equal(
            $"artifact_uri: {experimentUri}/{runId}/artifacts\nend_time: {ms}\nentry_point_name: ''\n"
            + $"experiment_id: '{experimentId}'\nlifecycle_stage: active\nrun_id: {runId}\nrun_name: mlp-1\n"
            + $"run_uuid: {runId}\nsource_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: {ms}\n"
            + $"status: 3\ntags: []\nuser_id: {MlflowYaml.Scalar(Environment.UserName)}\n",
            File.ReadAllText(Path.Combine(runDirectory, "meta.yaml")));
        Assert.Equal($"{ms} 0.5 1\n{ms} 0.25 2\n", File.ReadAllText(Path.Combine(runDirectory, "metrics", "loss", "d")));
        Assert.Equal($"{ms} nan 2\n", File.ReadAllText(Path.Combine(runDirectory, "metrics", "fid")));
        Assert.Equal("0.0002", File.ReadAllText(Path.Combine(runDirectory, "params", "lr")));
        Assert.Equal("mlp-1", File.ReadAllText(Path.Combine(runDirectory, "tags", "mlflow.runName")));
        Assert.Equal("hello", File.ReadAllText(Path.Combine(runDirectory, "artifacts", "samples", "notes.txt")));

        var images = Directory.GetFiles(Path.Combine(runDirectory, "artifacts", "images")).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(2, images.Length);
        var stem = $"samples#grid%step%3%timestamp%{ms}%[g-z][0-9a-f]{{7}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}";
        Assert.Matches($"^{stem}\\.png$", images[0]);
        Assert.Equal(images[0]![..^4] + "%compressed.png", images[1]);
        Assert.Equal(png, File.ReadAllBytes(Path.Combine(runDirectory, "artifacts", "images", images[0]!)));
    }

    [Fact]
    public async Task First_use_creates_the_default_experiment_and_trash_folder_as_mlflow_does()
    {
        var store = NewStore();
        await using (var run = await store.StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None))
        {
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        Assert.True(Directory.Exists(Path.Combine(store.RootDirectory, ".trash")));
        var defaultExperiment = new FileStoreReader(store.RootDirectory).GetExperiment("0");
        Assert.Equal("Default", defaultExperiment.Name);
        Assert.Equal(new Uri(Path.Combine(store.RootDirectory, "0")).AbsoluteUri, defaultExperiment.ArtifactLocation);
    }

    [Fact]
    public async Task Same_experiment_name_twice_reuses_one_experiment()
    {
        string first;
        await using (var run = await NewStore().StartRunAsync(new RunStartRequest("gan", "a", NoTags), CancellationToken.None))
        {
            first = run.ExperimentId;
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        // A second store instance, as a second process would have.
        await using (var run = await NewStore().StartRunAsync(new RunStartRequest("gan", "b", NoTags), CancellationToken.None))
        {
            Assert.Equal(first, run.ExperimentId);
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        var reader = new FileStoreReader(_temp.Combine("mlruns"));
        Assert.Single(reader.ListExperiments(), e => e.Name == "gan");
        Assert.Equal(2, reader.ListRuns(first).Count);
    }

    [Fact]
    public async Task Param_conflict_keeps_the_first_value_warns_once_and_does_not_throw()
    {
        var store = NewStore();
        await using var run = await store.StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None);
        run.LogParam("lr", "0.1");
        run.LogParam("lr", "0.1");
        run.LogParam("lr", "0.2");
        run.LogParam("lr", "0.3");
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        Assert.Equal("0.1", new FileStoreReader(store.RootDirectory).GetRun(run.RunId).Params["lr"]);
        var warning = Assert.Single(_logs.Warnings, w => w.EventId.Name == "ParamConflict");
        Assert.Contains("lr", warning.Message, StringComparison.Ordinal);
        Assert.Contains("0.1", warning.Message, StringComparison.Ordinal);
        Assert.Contains("0.2", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_tag_and_param_values_are_truncated_and_the_truncation_is_recorded()
    {
        var store = NewStore();
        await using var run = await store.StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None);
        run.SetTag("notes", new string('x', 9000));
        run.SetTag("notes", new string('y', 9000));
        run.LogParam("config", new string('c', 7000));
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        var info = new FileStoreReader(store.RootDirectory).GetRun(run.RunId);
        Assert.Equal(new string('y', TrackingKeys.MaxTagValueLength), info.Tags["notes"]);
        Assert.Equal(new string('c', TrackingKeys.MaxParamValueLength), info.Params["config"]);
        Assert.Contains("9000", info.Tags["gan.truncated.notes"], StringComparison.Ordinal);
        Assert.Contains("7000", info.Tags["gan.truncated.config"], StringComparison.Ordinal);
        Assert.Single(_logs.Warnings, w => w.EventId.Name == "ValueTruncated" && w.Message.Contains("notes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metric_keys_are_sanitised_into_valid_mlflow_file_names()
    {
        var store = NewStore();
        await using var run = await store.StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None);
        run.LogMetric("acc%top-1", 0.9, 0);
        run.LogMetric("/loss//d/", 0.1, 0);
        run.LogMetric("../escape", 1, 0);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        var metrics = new FileStoreReader(store.RootDirectory).GetRun(run.RunId).Metrics;
        Assert.Equal(["__/escape", "acc_top-1", "loss/d"], metrics.Keys.Order(StringComparer.Ordinal));
        Assert.All(metrics.Keys, key => Assert.True(TrackingKeys.IsValidKey(key)));
    }

    [Fact]
    public async Task Ten_thousand_metric_logs_are_all_written_in_logging_order()
    {
        var store = NewStore();
        await using var run = await store.StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None);
        for (var step = 0; step < 10_000; step++)
        {
            run.LogMetric("loss", step * 0.001, step);
        }

        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        var history = new FileStoreReader(store.RootDirectory).GetMetricHistory(run.RunId, "loss");
        Assert.Equal(10_000, history.Count);
        for (var step = 0; step < 10_000; step++)
        {
            Assert.Equal(step, history[step].Step);
            Assert.Equal(step * 0.001, history[step].Value);
        }
    }

    [Fact]
    public async Task Metrics_reach_disk_while_the_run_is_still_open()
    {
        var store = NewStore();
        await using var run = await store.StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None);
        run.LogMetric("loss", 0.5, 7);

        // The writer flushes on its own at least once a second; poll (generous cap, not a timing assertion).
        var reader = new FileStoreReader(store.RootDirectory);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (reader.GetMetricHistory(run.RunId, "loss").Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal([new MetricPoint(_clock.Milliseconds, 0.5, 7)], reader.GetMetricHistory(run.RunId, "loss"));
        Assert.Equal(RunStatus.Running, reader.GetRun(run.RunId).Status);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);
    }

    [Fact]
    public async Task Reopening_with_existing_run_id_sets_running_and_appends()
    {
        var store = NewStore();
        string runId;
        await using (var run = await store.StartRunAsync(new RunStartRequest("e", "resumable", NoTags), CancellationToken.None))
        {
            runId = run.RunId;
            run.LogParam("seed", "1");
            run.LogMetric("loss", 1.0, 0);
            run.LogMetric("loss", 0.9, 1);
            await run.EndAsync(RunStatus.Killed, CancellationToken.None);
        }

        var reader = new FileStoreReader(store.RootDirectory);
        await using (var resumed = await store.StartRunAsync(
            new RunStartRequest("e", string.Empty, NoTags, ExistingRunId: runId), CancellationToken.None))
        {
            Assert.Equal(runId, resumed.RunId);
            var reopened = reader.GetRun(runId);
            Assert.Equal(RunStatus.Running, reopened.Status);
            Assert.Null(reopened.EndTime);

            resumed.LogParam("seed", "1");
            resumed.LogParam("seed", "2");
            resumed.LogMetric("loss", 0.8, 2);
            await resumed.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        var info = reader.GetRun(runId);
        Assert.Equal(RunStatus.Finished, info.Status);
        Assert.Equal("resumable", info.RunName);
        Assert.Equal("1", info.Params["seed"]);
        Assert.Equal([0L, 1L, 2L], reader.GetMetricHistory(runId, "loss").Select(p => p.Step));
        Assert.Single(_logs.Warnings, w => w.EventId.Name == "ParamConflict");
        Assert.Single(reader.ListRuns(info.ExperimentId));
    }

    [Fact]
    public async Task Logging_after_end_is_ignored_without_throwing()
    {
        var store = NewStore();
        await using var run = await store.StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None);
        run.LogMetric("loss", 1, 0);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        run.LogMetric("loss", 2, 1);
        run.LogParam("late", "x");
        run.LogArtifact("late.txt", [1]);
        run.LogImage("late", [1], 1);
        await run.EndAsync(RunStatus.Failed, CancellationToken.None);

        var info = new FileStoreReader(store.RootDirectory).GetRun(run.RunId);
        Assert.Equal(RunStatus.Finished, info.Status);
        Assert.Single(new FileStoreReader(store.RootDirectory).GetMetricHistory(run.RunId, "loss"));
        Assert.False(info.Params.ContainsKey("late"));
        Assert.Single(_logs.Warnings, w => w.EventId.Name == "LoggedAfterEnd");
    }

    [Fact]
    public async Task Artifact_paths_escaping_the_run_are_refused_with_a_warning()
    {
        var store = NewStore();
        await using var run = await store.StartRunAsync(new RunStartRequest("e", "r", NoTags), CancellationToken.None);
        run.LogArtifact("../outside.txt", [1]);
        run.LogArtifact("/abs.txt", [1]);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        Assert.Equal(2, _logs.Warnings.Count(w => w.EventId.Name == "InvalidArtifactPath"));
        Assert.Empty(Directory.GetFiles(store.RootDirectory, "outside.txt", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Setting_the_run_name_tag_updates_run_name_in_meta_yaml()
    {
        var store = NewStore();
        await using var run = await store.StartRunAsync(new RunStartRequest("e", "before", NoTags), CancellationToken.None);
        run.SetTag("mlflow.runName", "after");
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        var metaPath = Path.Combine(store.RootDirectory, run.ExperimentId, run.RunId, "meta.yaml");
        Assert.Contains("\nrun_name: after\n", File.ReadAllText(metaPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_run_name_gets_a_generated_one()
    {
        var store = NewStore();
        await using var run = await store.StartRunAsync(new RunStartRequest("e", string.Empty, NoTags), CancellationToken.None);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        Assert.Equal("run-" + run.RunId[..8], new FileStoreReader(store.RootDirectory).GetRun(run.RunId).RunName);
    }

    [Fact]
    public void Description_names_the_absolute_root()
    {
        var store = new FileTrackingStore("relative-mlruns");
        Assert.Equal($"MLflow file store at {Path.GetFullPath("relative-mlruns")}", store.Description);
        Assert.False(Directory.Exists(Path.GetFullPath("relative-mlruns")));
    }

    [Fact]
    public void Image_artifact_names_follow_mlflow_log_image()
    {
        var (full, thumbnail) = QueuedTrackedRun.ImageArtifactPaths("gen/samples:epoch", 12, 1700000000000);
        Assert.Matches(new Regex("^images/gen#samples_epoch%step%12%timestamp%1700000000000%[g-z][0-9a-f-]{35}\\.png$"), full);
        Assert.Equal(full[..^4] + "%compressed.png", thumbnail);
    }

    private FileTrackingStore NewStore() => new(_temp.Combine("mlruns"), _logs, _clock);
}

using System.Text;

namespace Gan.Tracking.Tests.Backends;

/// <summary>
/// One behavioural suite, run against every backend (MLflow's SQLite store, its file store, an MLflow server over
/// REST): what the engine and <c>gan runs</c> rely on, observed only through <see cref="ITrackingStore"/> and
/// <see cref="ITrackingReader"/>.
/// </summary>
public abstract class TrackingBackendContract : IDisposable
{
    private static readonly Dictionary<string, string> NoTags = new();

    private protected TemporaryDirectory Temp { get; } = new();

    /// <summary>True when the backend keeps MLflow 3 LoggedModel entities (the SQLite store, a server).</summary>
    protected virtual bool HasLoggedModels => true;

    /// <summary>True when values logged after a resume point can be deleted (not through MLflow's REST API).</summary>
    protected virtual bool CanDeleteMetricValues => true;

    protected abstract ITrackingStore Store { get; }

    /// <summary>Another store over the same backend, as a second process would open it.</summary>
    protected abstract ITrackingStore OpenAnotherStore();

    protected abstract ITrackingReader CreateReader();

    public virtual void Dispose() => Temp.Dispose();

    [Fact]
    public async Task A_whole_run_is_read_back_with_params_tags_metrics_history_and_status()
    {
        var tags = new Dictionary<string, string> { ["mlflow.source.git.commit"] = "0123abc", ["team"] = "gan" };
        string runId;
        await using (var run = await Store.StartRunAsync(new RunStartRequest("contract", "first", tags), CancellationToken.None))
        {
            runId = run.RunId;
            run.LogParam("lr", "0.0002");
            run.LogParam("batch_size", "64");
            run.SetTag("model", "mlp");
            run.LogMetric("loss/d", 0.5, 1);
            run.LogMetric("loss/d", 0.25, 2);
            run.LogMetrics(new Dictionary<string, double> { ["loss/g"] = 1.5, ["fid"] = double.NaN, ["ratio"] = double.PositiveInfinity }, 2);
            run.LogArtifact("notes/readme.txt", Encoding.UTF8.GetBytes("hello"));
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        using var reader = CreateReader();
        var experiment = await reader.FindExperimentByNameAsync("contract", CancellationToken.None);
        Assert.NotNull(experiment);
        Assert.Contains(await reader.ListExperimentsAsync(CancellationToken.None), e => e.Name == "contract");
        var info = Assert.Single(await reader.ListRunsAsync(experiment.ExperimentId, CancellationToken.None));
        Assert.Equal(runId, info.RunId);
        Assert.Equal("first", info.RunName);
        Assert.Equal(RunStatus.Finished, info.Status);
        Assert.NotNull(info.StartTime);
        Assert.NotNull(info.EndTime);
        Assert.Equal("0.0002", info.Params["lr"]);
        Assert.Equal("64", info.Params["batch_size"]);
        Assert.Equal("mlp", info.Tags["model"]);
        Assert.Equal("gan", info.Tags["team"]);
        Assert.Equal("0123abc", info.Tags["mlflow.source.git.commit"]);
        Assert.Equal("first", info.Tags[TrackingKeys.RunNameTag]);
        Assert.Equal("LOCAL", info.Tags["mlflow.source.type"]);
        Assert.Equal(Environment.UserName, info.Tags["mlflow.user"]);
        Assert.Equal(0.25, info.Metrics["loss/d"].Value);
        Assert.Equal(2, info.Metrics["loss/d"].Step);
        Assert.True(double.IsNaN(info.Metrics["fid"].Value));
        Assert.Equal(double.PositiveInfinity, info.Metrics["ratio"].Value);
        Assert.Equal([(0.5, 1L), (0.25, 2L)], (await reader.GetMetricHistoryAsync(runId, "loss/d", CancellationToken.None)).Select(p => (p.Value, p.Step)));
        Assert.Equal("hello", ReadArtifact(info, "notes/readme.txt"));
    }

    [Fact]
    public async Task A_child_run_is_nested_under_its_parent()
    {
        string parentId;
        string childId;
        await using (var parent = await Store.StartRunAsync(new RunStartRequest("sweep", "parent", NoTags), CancellationToken.None))
        {
            parentId = parent.RunId;
            await using (var child = await Store.StartRunAsync(new RunStartRequest("sweep", "trial-0", NoTags, ParentRunId: parentId), CancellationToken.None))
            {
                childId = child.RunId;
                child.LogMetric("quality/fid", 80, 10);
                await child.EndAsync(RunStatus.Finished, CancellationToken.None);
            }

            await parent.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        using var reader = CreateReader();
        var child2 = await reader.GetRunAsync(childId, CancellationToken.None);
        Assert.Equal(parentId, child2.Tags[TrackingKeys.ParentRunIdTag]);
        Assert.Equal(child2.ExperimentId, (await reader.GetRunAsync(parentId, CancellationToken.None)).ExperimentId);
        Assert.False((await reader.GetRunAsync(parentId, CancellationToken.None)).Tags.ContainsKey(TrackingKeys.ParentRunIdTag));
    }

    [Fact]
    public async Task A_resumed_run_is_the_same_run_with_its_params_kept_and_history_appended()
    {
        string runId;
        await using (var run = await Store.StartRunAsync(new RunStartRequest("resume", "r", NoTags), CancellationToken.None))
        {
            runId = run.RunId;
            run.LogParam("lr", "0.1");
            run.LogMetric("loss", 3, 1);
            run.LogMetric("loss", 2, 2);
            await run.EndAsync(RunStatus.Killed, CancellationToken.None);
        }

        using (var reader = CreateReader())
        {
            Assert.Equal(RunStatus.Killed, (await reader.GetRunAsync(runId, CancellationToken.None)).Status);
        }

        await using (var resumed = await Store.StartRunAsync(new RunStartRequest("resume", "", NoTags, ExistingRunId: runId), CancellationToken.None))
        {
            Assert.Equal(runId, resumed.RunId);
            resumed.LogParam("lr", "0.1"); // the same value again is fine
            resumed.LogMetric("loss", 1, 3);
            await resumed.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        using var after = CreateReader();
        var info = await after.GetRunAsync(runId, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, info.Status);
        Assert.Equal("r", info.RunName);
        Assert.Equal("0.1", info.Params["lr"]);
        Assert.Equal([1L, 2L, 3L], (await after.GetMetricHistoryAsync(runId, "loss", CancellationToken.None)).Select(p => p.Step));
        Assert.Equal(3, info.Metrics["loss"].Step);
        var experiment = await after.FindExperimentByNameAsync("resume", CancellationToken.None);
        Assert.Single(await after.ListRunsAsync(experiment!.ExperimentId, CancellationToken.None));
    }

    [Fact]
    public async Task Resuming_trims_values_logged_after_the_checkpoint_and_reports_the_steps_it_holds()
    {
        string runId;
        await using (var run = await Store.StartRunAsync(new RunStartRequest("trim", "t", NoTags), CancellationToken.None))
        {
            runId = run.RunId;
            for (var step = 1; step <= 10; step++)
            {
                run.LogMetrics(new Dictionary<string, double> { ["a"] = step, ["b"] = -step }, step);
            }

            await run.EndAsync(RunStatus.Killed, CancellationToken.None);
        }

        var trim = await Store.TrimMetricHistoryAsync(runId, 6, CancellationToken.None);

        Assert.NotNull(trim);
        using var reader = CreateReader();
        var history = (await reader.GetMetricHistoryAsync(runId, "a", CancellationToken.None)).Select(p => p.Step).ToList();
        if (CanDeleteMetricValues)
        {
            Assert.Equal(8, trim.Removed);
            Assert.Equal(0, trim.Remaining);
            Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), history);
            Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i).ToHashSet(), trim.StoredSteps["a"]);
            var latest = (await reader.GetRunAsync(runId, CancellationToken.None)).Metrics["b"];
            Assert.Equal((-6.0, 6L), (latest.Value, latest.Step));
        }
        else
        {
            Assert.Equal(0, trim.Removed);
            Assert.Equal(8, trim.Remaining);
            Assert.Equal(10, history.Count);
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i).ToHashSet(), trim.StoredSteps["b"]);
        }

        // The resumed run computes steps 7 to 10 again: on every backend each step then appears once.
        await using (var resumed = await Store.StartRunAsync(new RunStartRequest("trim", "", NoTags, ExistingRunId: runId), CancellationToken.None))
        {
            for (var step = 7; step <= 10; step++)
            {
                resumed.LogMetrics(new Dictionary<string, double> { ["a"] = step, ["b"] = -step }, step);
            }

            resumed.LogMetric("a", 11, 11);
            await resumed.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        using var after = CreateReader();
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), (await after.GetMetricHistoryAsync(runId, "a", CancellationToken.None)).Select(p => p.Step).Order());
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), (await after.GetMetricHistoryAsync(runId, "b", CancellationToken.None)).Select(p => p.Step).Order());
    }

    [Fact]
    public async Task Runs_started_at_once_by_separate_stores_share_one_experiment()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            OpenAnotherStore().StartRunAsync(new RunStartRequest("together", $"trial-{i}", NoTags), CancellationToken.None))));
        foreach (var run in runs)
        {
            run.LogMetric("x", 1, 1);
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
            await run.DisposeAsync();
        }

        using var reader = CreateReader();
        var experiments = (await reader.ListExperimentsAsync(CancellationToken.None)).Where(e => e.Name == "together").ToList();
        var experiment = Assert.Single(experiments);
        Assert.Equal(6, (await reader.ListRunsAsync(experiment.ExperimentId, CancellationToken.None)).Count);
        Assert.All(runs, r => Assert.Equal(experiment.ExperimentId, r.ExperimentId));
    }

    [Fact]
    public async Task Datasets_a_run_read_are_recorded_with_digest_source_profile_and_context_once_per_run()
    {
        var train = new Gan.Abstractions.DatasetInfo("mnist-train", "0011223344556677", "/data/mnist/train", Gan.Abstractions.DatasetInfo.TrainingContext,
            new Dictionary<string, long> { ["images"] = 60000, ["classes"] = 10 });
        var test = new Gan.Abstractions.DatasetInfo("mnist-test", "8899aabbccddeeff", "https://example.org/mnist/t10k.gz", Gan.Abstractions.DatasetInfo.ValidationContext,
            new Dictionary<string, long> { ["images"] = 10000 });
        string first;
        string second;
        await using (var run = await Store.StartRunAsync(new RunStartRequest("data", "a", NoTags), CancellationToken.None))
        {
            first = run.RunId;
            run.LogDatasets([train, test]);
            await run.EndAsync(RunStatus.Killed, CancellationToken.None);
        }

        await using (var resumed = await Store.StartRunAsync(new RunStartRequest("data", "", NoTags, ExistingRunId: first), CancellationToken.None))
        {
            resumed.LogDatasets([train, test]); // a resumed run records its data again: no duplicates
            await resumed.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        await using (var run = await Store.StartRunAsync(new RunStartRequest("data", "b", NoTags), CancellationToken.None))
        {
            second = run.RunId;
            run.LogDatasets([train with { Digest = "ffeeddccbbaa9988" }]); // a file changed: another digest
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        using var reader = CreateReader();
        var datasets = (await reader.GetRunAsync(first, CancellationToken.None)).Datasets!;
        Assert.Equal(["mnist-test", "mnist-train"], datasets.Select(d => d.Name));
        var read = datasets.Single(d => d.Name == "mnist-train");
        Assert.Equal(("0011223344556677", "local", "training"), (read.Digest, read.SourceType, read.Context));
        Assert.Contains("\"uri\":\"/data/mnist/train\"", read.Source, StringComparison.Ordinal);
        Assert.Contains("\"images\":60000", read.Profile, StringComparison.Ordinal);
        var remote = datasets.Single(d => d.Name == "mnist-test");
        Assert.Equal(("http", "validation"), (remote.SourceType, remote.Context));
        Assert.Contains("\"url\":\"https://example.org/mnist/t10k.gz\"", remote.Source, StringComparison.Ordinal);
        Assert.Equal("ffeeddccbbaa9988", Assert.Single((await reader.GetRunAsync(second, CancellationToken.None)).Datasets!).Digest);
    }

    [Fact]
    public async Task A_logged_model_is_found_again_from_its_run_and_its_id_with_every_file_byte_for_byte()
    {
        var weights = new byte[50_000];
        new Random(3).NextBytes(weights);
        var files = new Dictionary<string, byte[]>
        {
            ["MLmodel"] = Encoding.UTF8.GetBytes("artifact_path: models/train/generator\nflavors:\n  torchsharp:\n    weights: generator.pt\n    files: [generator.pt, experiment.yaml]\n"),
            ["generator.pt"] = weights,
            ["experiment.yaml"] = Encoding.UTF8.GetBytes("name: tiny\n"),
        };
        string runId;
        await using (var run = await Store.StartRunAsync(new RunStartRequest("models", "m", NoTags), CancellationToken.None))
        {
            runId = run.RunId;
            run.LogMetric("d_loss", 0.5, 100);
            run.LogModel(new LoggedModelRequest("train-generator", "models/train/generator", "torchsharp", files,
                new Dictionary<string, string> { ["latent_dim"] = "100" }, new Dictionary<string, string> { ["gan.stage"] = "train" },
                new Dictionary<string, double> { ["d_loss"] = 0.5 }, 100));
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        using var reader = CreateReader();
        var tag = (await reader.GetRunAsync(runId, CancellationToken.None)).Tags["gan.model.models/train/generator"];
        var location = LoggedModels.ReadTag(tag)!;
        var folder = await reader.FetchModelAsync(location, Temp.Combine("cache"), CancellationToken.None);
        foreach (var (name, content) in files)
        {
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(folder, name)));
        }

        if (HasLoggedModels)
        {
            Assert.StartsWith("m-", location.ModelId, StringComparison.Ordinal);
            Assert.Equal(location.Location, (await reader.FindModelAsync(location.ModelId!, CancellationToken.None))!.Location);
            AssertLoggedModel(location.ModelId!, runId);
        }
        else
        {
            Assert.Null(location.ModelId);
        }

        Assert.Null(await reader.FindModelAsync("m-00000000000000000000000000000000", CancellationToken.None));
    }

    /// <summary>Backend-specific checks of the LoggedModel entity (READY, params, metrics, source run).</summary>
    protected virtual void AssertLoggedModel(string modelId, string runId)
    {
    }

    [Fact]
    public async Task An_unknown_run_cannot_be_resumed_and_the_message_names_the_store()
    {
        var error = await Assert.ThrowsAsync<Gan.Abstractions.GanInputException>(() =>
            Store.StartRunAsync(new RunStartRequest("x", "", NoTags, ExistingRunId: "0123456789abcdef0123456789abcdef"), CancellationToken.None));
        Assert.Contains("0123456789abcdef0123456789abcdef", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An artifact's text as the backend stores it.</summary>
    protected abstract string ReadArtifact(RunInfo run, string path);
}

using System.Net;
using Gan.Abstractions;

namespace Gan.Tracking.Tests;

public sealed class RestResilienceTests
{
    private static void LogSteps(ITrackedRun run, int from, int to)
    {
        for (var step = from; step < to; step++)
        {
            run.LogMetrics(new Dictionary<string, double> { ["loss_D"] = step * 0.01, ["loss_G"] = -step }, step);
        }
    }

    private static void AssertEveryStepOnceInOrder(RestFixture f, string runId, int steps)
    {
        var expected = Enumerable.Range(0, steps).Select(i => (long)i).ToList();
        Assert.Equal(expected, f.Steps(runId, "loss_D"));
        Assert.Equal(expected, f.Steps(runId, "loss_G"));
    }

    [Fact]
    public async Task Server_down_at_start_fails_fast_with_a_message_naming_the_server()
    {
        using var f = new RestFixture();
        f.Server.Down = true;
        var error = await Assert.ThrowsAsync<GanInputException>(() => f.StartAsync());
        Assert.Contains(f.Server.Uri, error.Message, StringComparison.Ordinal);
        Assert.Contains("MLFLOW_TRACKING_URI=./mlruns", error.Message, StringComparison.Ordinal);
        Assert.Empty(f.Server.RunIds());
    }

    [Fact]
    public async Task Server_coming_up_while_a_run_starts_gets_the_run_created_once()
    {
        using var f = new RestFixture();
        f.Options.StartTimeout = TimeSpan.FromSeconds(30);
        f.Server.Down = true;
        var starting = f.StartAsync();
        await RestFixture.WaitUntilAsync(() => f.Server.RefusedConnections >= 3, "start attempts");
        f.Server.Down = false;
        var run = await starting;
        LogSteps(run, 0, 10);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        Assert.Single(f.Server.RunIds());
        AssertEveryStepOnceInOrder(f, run.RunId, 10);
        Assert.Equal("FINISHED", f.Server.GetRun(run.RunId).Status);
    }

    [Fact]
    public async Task Server_going_down_mid_run_spools_and_replays_every_step_once_in_order()
    {
        using var f = new RestFixture();
        var run = await f.StartAsync();
        LogSteps(run, 0, 100);
        await RestFixture.WaitUntilAsync(() => f.Steps(run.RunId, "loss_D").Count == 100, "first 100 steps on the server");

        f.Server.Down = true;
        LogSteps(run, 100, 200);
        var spoolFolder = Path.Combine(f.Options.SpoolDirectory, run.RunId);
        await RestFixture.WaitUntilAsync(() => ((RestTrackedRun)run).Spooling && File.Exists(Path.Combine(spoolFolder, "records.jsonl")), "the run to spool");
        Assert.True(File.Exists(Path.Combine(spoolFolder, "records.jsonl")));
        Assert.True(File.Exists(Path.Combine(spoolFolder, "run.json")));
        Assert.Contains(f.Logs.Warnings, w => w.Message.Contains("not answering", StringComparison.Ordinal));

        f.Server.Down = false;
        LogSteps(run, 200, 300);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        await run.DisposeAsync();

        AssertEveryStepOnceInOrder(f, run.RunId, 300);
        Assert.Equal("FINISHED", f.Server.GetRun(run.RunId).Status);
        Assert.False(Directory.Exists(spoolFolder));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Server_errors_and_throttling_are_retried_without_losing_or_repeating_steps(HttpStatusCode status)
    {
        using var f = new RestFixture();
        var run = await f.StartAsync();
        LogSteps(run, 0, 50);
        await RestFixture.WaitUntilAsync(() => f.Steps(run.RunId, "loss_D").Count == 50, "first steps");
        f.Server.FailNext(4, status);
        LogSteps(run, 50, 150);
        f.Server.FailNext(2, status);
        await run.EndAsync(RunStatus.Failed, CancellationToken.None);

        AssertEveryStepOnceInOrder(f, run.RunId, 150);
        Assert.Equal("FAILED", f.Server.GetRun(run.RunId).Status);
        Assert.Contains(f.Server.Errors, e => e.Status == (int)status);
    }

    [Fact]
    public async Task Slow_server_answering_after_the_client_gave_up_does_not_duplicate_metrics()
    {
        using var f = new RestFixture(requestTimeout: TimeSpan.FromMilliseconds(250));
        f.Options.RetryBudget = TimeSpan.FromSeconds(2);
        var run = await f.StartAsync();
        LogSteps(run, 0, 20);
        await RestFixture.WaitUntilAsync(() => f.Steps(run.RunId, "loss_D").Count == 20, "first steps");

        // Applied, then answered too late: the client sees timeouts for batches the server already holds.
        f.Server.Delay = TimeSpan.FromMilliseconds(600);
        LogSteps(run, 20, 80);
        await RestFixture.WaitUntilAsync(() => f.Steps(run.RunId, "loss_D").Count >= 80, "the slow batch applied");
        await Task.Delay(700);
        f.Server.Delay = TimeSpan.Zero;
        LogSteps(run, 80, 120);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        await run.DisposeAsync();

        AssertEveryStepOnceInOrder(f, run.RunId, 120);
        Assert.Equal("FINISHED", f.Server.GetRun(run.RunId).Status);
        Assert.Contains(f.Server.Requests, r => r.PathAndQuery.Contains("metrics/get-history", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leftovers_at_run_end_stay_spooled_with_a_sync_command_and_sync_sends_them_once()
    {
        using var f = new RestFixture();
        f.Options.FlushTimeout = TimeSpan.FromMilliseconds(300);
        var run = await f.StartAsync();
        LogSteps(run, 0, 30);
        await RestFixture.WaitUntilAsync(() => f.Steps(run.RunId, "loss_D").Count == 30, "first steps");
        f.Server.Down = true;
        LogSteps(run, 30, 60);
        run.LogArtifact("notes.txt", [1, 2, 3]);
        run.LogDatasets([new Gan.Abstractions.DatasetInfo("mnist-train", "0123456789abcdef", "/data/mnist", "training", new Dictionary<string, long> { ["images"] = 60000 })]);
        run.LogModel(new LoggedModelRequest("train-generator", "models/train/generator", "torchsharp",
            new Dictionary<string, byte[]> { ["MLmodel"] = [1], ["generator.pt"] = [2, 3] }, new Dictionary<string, string>(),
            new Dictionary<string, string>(), new Dictionary<string, double> { ["quality/fid"] = 80 }, 60));
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        await run.DisposeAsync();

        Assert.Equal("RUNNING", f.Server.GetRun(run.RunId).Status);
        var leftover = Assert.Single(f.Logs.Warnings, w => w.Message.Contains("gan tracking sync", StringComparison.Ordinal));
        Assert.Contains(f.Options.SpoolDirectory, leftover.Message, StringComparison.Ordinal);

        // A later process: the server is back, sync replays the spool.
        f.Server.Down = false;
        var sync = new TrackingSync(uri => MlflowConnection.Resolve(uri, _ => null), f.Options);
        var results = await sync.SyncAsync(null, CancellationToken.None);
        var result = Assert.Single(results);
        Assert.Equal(0, result.Left);
        AssertEveryStepOnceInOrder(f, run.RunId, 60);
        Assert.Equal("FINISHED", f.Server.GetRun(run.RunId).Status);
        Assert.Equal([1, 2, 3], f.Server.Artifacts()[$"{run.ExperimentId}/{run.RunId}/artifacts/notes.txt"]);
        using (var reader = new RestTrackingReader(f.Connection))
        {
            var info = await reader.GetRunAsync(run.RunId, CancellationToken.None);
            var dataset = Assert.Single(info.Datasets!);
            Assert.Equal(("mnist-train", "0123456789abcdef", "training"), (dataset.Name, dataset.Digest, dataset.Context));
            // The model spooled whole while the server was away arrives whole: created, its files uploaded, READY.
            var modelId = LoggedModelFiles.ModelsOf(info)["models/train/generator"].ModelId!;
            Assert.Equal("LOGGED_MODEL_READY", f.Server.LoggedModelSnapshot(modelId)!.Status);
            Assert.Equal([2, 3], f.Server.Artifacts()[$"{run.ExperimentId}/models/{modelId}/artifacts/generator.pt"]);
            Assert.Single(f.Server.LoggedModelIds());
        }

        // Running it again finds nothing and sends nothing twice.
        Assert.Empty(await sync.SyncAsync(null, CancellationToken.None));
        AssertEveryStepOnceInOrder(f, run.RunId, 60);
    }

    [Fact]
    public async Task Replaying_a_spool_whose_records_already_arrived_sends_no_duplicates()
    {
        using var f = new RestFixture();
        var run = await f.StartAsync();
        LogSteps(run, 0, 40);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        // As if the process died after the server got the batch but before it recorded the acknowledgement.
        var spool = new RunSpool(RunSpool.For(f.Options.SpoolDirectory, run.RunId));
        spool.WriteManifest(new SpoolManifest(f.Server.Uri, run.ExperimentId, run.RunId, run.ArtifactUri, 0));
        var t = f.Server.GetRun(run.RunId).Metrics.Where(m => m.Key == "loss_D").ToList();
        spool.Append(t.Select(m => new SpoolLine { Kind = SpoolLine.MetricKind, Key = m.Key, Value = m.Value, Step = m.Step, Timestamp = m.Timestamp }));
        spool.Append([new SpoolLine { Kind = SpoolLine.MetricKind, Key = "loss_D", Value = 0.4, Step = 40, Timestamp = t[^1].Timestamp + 1 }]);

        var results = await new TrackingSync(uri => MlflowConnection.Resolve(uri, _ => null), f.Options).SyncAsync(run.RunId, CancellationToken.None);
        Assert.Equal(0, Assert.Single(results).Left);
        Assert.Equal(Enumerable.Range(0, 41).Select(i => (long)i), f.Steps(run.RunId, "loss_D"));
    }

    [Fact]
    public async Task Invalid_parameter_value_is_shown_once_with_the_key_and_not_retried()
    {
        using var f = new RestFixture();
        var run = await f.StartAsync();
        run.LogParam("lr", "0.1");
        await RestFixture.WaitUntilAsync(() => f.Server.GetRun(run.RunId).Params.ContainsKey("lr"), "param lr");

        // Another writer (a second process resuming the run) changed the param on the server side: ours is now refused.
        using (var other = new RestTrackingStore(f.Connection, f.Options))
        {
            var otherRun = await other.StartRunAsync(new RunStartRequest("exp", "", new Dictionary<string, string>(), ExistingRunId: run.RunId), CancellationToken.None);
            otherRun.LogParam("beta1", "0.5");
            await otherRun.DisposeAsync();
        }

        run.LogParam("beta1", "0.9");
        LogSteps(run, 0, 30);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        var warnings = f.Logs.Warnings.Where(w => w.Message.Contains("refused", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("beta1", warning.Message, StringComparison.Ordinal);
        Assert.Contains("INVALID_PARAMETER_VALUE", warning.Message, StringComparison.Ordinal);
        AssertEveryStepOnceInOrder(f, run.RunId, 30);
        Assert.Equal("0.5", f.Server.GetRun(run.RunId).Params["beta1"]);
        Assert.Equal("FINISHED", f.Server.GetRun(run.RunId).Status);
        Assert.True(f.Server.Errors.Count(e => e.Code == "INVALID_PARAMETER_VALUE") <= 8, "bisected, not retried");
    }
}

using System.Text;

namespace Gan.Tracking.Tests;

public sealed class RestLifecycleTests
{
    [Fact]
    public async Task Full_run_lifecycle_lands_on_the_server_as_mlflow_records_it()
    {
        using var f = new RestFixture();
        var run = await f.StartAsync("mnist", "first", new Dictionary<string, string> { ["mlflow.note.content"] = "a note", ["mlflow.source.git.commit"] = "abc123" });
        run.LogParam("optimizer.lr", "0.0002");
        run.SetTag("gan.stage", "train");
        for (var step = 0; step < 5; step++)
        {
            run.LogMetrics(new Dictionary<string, double> { ["loss_D"] = 1.0 / (step + 1), ["loss_G"] = step }, step);
        }

        run.LogMetric("fid", double.NaN, 4);
        run.LogArtifact("experiment.yaml", Encoding.UTF8.GetBytes("name: mnist\n"));
        run.LogImage("samples", [0x89, 0x50, 0x4E, 0x47], 4);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        await run.DisposeAsync();

        var recorded = f.Server.GetRun(run.RunId);
        Assert.Equal("FINISHED", recorded.Status);
        Assert.NotNull(recorded.EndTime);
        Assert.Equal("first", recorded.Name);
        Assert.Equal("0.0002", recorded.Params["optimizer.lr"]);
        Assert.Equal("first", recorded.Tags["mlflow.runName"]);
        Assert.Equal("a note", recorded.Tags["mlflow.note.content"]);
        Assert.Equal("abc123", recorded.Tags["mlflow.source.git.commit"]);
        Assert.Equal("LOCAL", recorded.Tags["mlflow.source.type"]);
        Assert.Equal("True", recorded.Tags["mlflow.loggedImages"]);
        Assert.Equal([0L, 1, 2, 3, 4], f.Steps(run.RunId, "loss_D"));
        Assert.True(double.IsNaN(recorded.Metrics.Single(m => m.Key == "fid").Value));
        Assert.Equal("mlflow-artifacts:/" + recorded.ExperimentId + "/" + run.RunId + "/artifacts", run.ArtifactUri);

        var artifacts = f.Server.Artifacts();
        var prefix = $"{recorded.ExperimentId}/{run.RunId}/artifacts/";
        Assert.Equal("name: mnist\n", Encoding.UTF8.GetString(artifacts[prefix + "experiment.yaml"]));
        var images = artifacts.Keys.Where(k => k.StartsWith(prefix + "images/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, images.Count);
        Assert.Contains(images, k => k.Contains("samples%step%4%timestamp%", StringComparison.Ordinal) && k.EndsWith(".png", StringComparison.Ordinal) && !k.Contains("%compressed", StringComparison.Ordinal));
        Assert.Contains(images, k => k.EndsWith("%compressed.png", StringComparison.Ordinal));

        // Every JSON call carried the content type MLflow insists on.
        Assert.All(f.Server.Requests.Where(r => r.Method == "POST"), r => Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal));
        Assert.DoesNotContain(f.Server.Errors, e => e.Status != 404);

        var listed = await f.Store.Client.ListArtifactsAsync(run.RunId, null, CancellationToken.None);
        Assert.Contains(listed, e => e.Path == "experiment.yaml" && !e.IsDir && e.FileSize == 12);
        Assert.Contains(listed, e => e.Path == "images" && e.IsDir);
        var underImages = await f.Store.Client.ListArtifactsAsync(run.RunId, "images", CancellationToken.None);
        Assert.All(underImages, e => Assert.StartsWith("images/", e.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gallery_names_arrive_byte_for_byte_at_a_server_that_percent_decodes_paths()
    {
        // "%200" holds "%20" (a space once decoded) and "%3025" holds "%30" (a "0"): MLflow's own Python client loses
        // these names on a real server (its issue 14136); encoding every '%' as "%25" keeps them.
        using var f = new RestFixture();
        await using var run = await f.StartAsync();
        var png = PngThumbnailTests.Png(300, 300, (x, y) => (byte)x);
        run.LogImage("samples", png, 200);
        run.LogImage("samples", png, 3025);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        var images = f.Server.Artifacts().Where(a => a.Key.Contains("/artifacts/images/", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, images.Count);
        foreach (var step in new[] { "200", "3025" })
        {
            var full = Assert.Single(images, a => a.Key.Contains($"/images/samples%step%{step}%timestamp%", StringComparison.Ordinal) && !a.Key.Contains("%compressed", StringComparison.Ordinal));
            Assert.Matches(@"%step%\d+%timestamp%\d+%[g-z][0-9a-f]{7}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.png$", full.Key);
            Assert.Equal(png, full.Value);
            Assert.Single(images, a => a.Key == full.Key[..^4] + "%compressed.png");
        }
    }

    [Fact]
    public async Task Child_runs_carry_the_parent_id_from_creation_and_read_back_through_the_reader()
    {
        using var f = new RestFixture();
        var parent = await f.StartAsync("staged", "parent");
        var child = await f.StartAsync("staged", "parent/pretrain", parent: parent.RunId);
        child.LogMetric("loss", 0.5, 1);
        child.LogMetric("loss", 0.25, 2);
        await child.EndAsync(RunStatus.Finished, CancellationToken.None);
        await parent.EndAsync(RunStatus.Killed, CancellationToken.None);

        var createBody = f.Server.GetRun(child.RunId);
        Assert.Equal(parent.RunId, createBody.Tags[TrackingKeys.ParentRunIdTag]);

        using var reader = new RestTrackingReader(f.Connection);
        var experiment = await reader.FindExperimentByNameAsync("staged", CancellationToken.None);
        Assert.NotNull(experiment);
        var runs = await reader.ListRunsAsync(experiment.ExperimentId, CancellationToken.None);
        Assert.Equal(2, runs.Count);
        var readChild = await reader.GetRunAsync(child.RunId, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, readChild.Status);
        Assert.Equal(0.25, readChild.Metrics["loss"].Value);
        Assert.Equal(RunStatus.Killed, (await reader.GetRunAsync(parent.RunId, CancellationToken.None)).Status);
        Assert.Equal([0.5, 0.25], (await reader.GetMetricHistoryAsync(child.RunId, "loss", CancellationToken.None)).Select(p => p.Value));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => reader.GetRunAsync("0123456789abcdef0123456789abcdef", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_creation_of_one_experiment_name_ends_in_one_experiment()
    {
        using var f = new RestFixture();
        f.Server.CreateExperimentDelay = TimeSpan.FromMilliseconds(200);
        using var second = new RestTrackingStore(f.Connection, f.Options);
        var request = new RunStartRequest("shared-name", "r", new Dictionary<string, string>());
        var runs = await Task.WhenAll(
            f.Store.StartRunAsync(request, CancellationToken.None),
            second.StartRunAsync(request, CancellationToken.None),
            f.Store.StartRunAsync(request, CancellationToken.None));

        var named = f.Server.ExperimentsSnapshot().Where(e => e.Name == "shared-name").ToList();
        Assert.Single(named);
        Assert.All(runs, r => Assert.Equal(named[0].Id, r.ExperimentId));
        Assert.Contains(f.Server.Errors, e => e.Code == "RESOURCE_ALREADY_EXISTS");
        foreach (var run in runs)
        {
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Metric_history_is_read_in_pages_with_max_results()
    {
        using var f = new RestFixture();
        var run = await f.StartAsync();
        for (var step = 0; step < 25_010; step++)
        {
            run.LogMetric("loss", step * 0.5, step);
        }

        await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        var history = await f.Store.Client.GetMetricHistoryAsync(run.RunId, "loss", CancellationToken.None);
        Assert.Equal(25_010, history.Count);
        Assert.Equal(Enumerable.Range(0, 25_010).Select(i => (long)i), history.Select(m => m.Step));
        Assert.Contains(f.Server.Requests, r => r.PathAndQuery.Contains("page_token=25000", StringComparison.Ordinal));
        Assert.All(f.Server.Requests.Where(r => r.PathAndQuery.Contains("get-history", StringComparison.Ordinal)),
            r => Assert.Contains("max_results=25000", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metric_names_are_sanitised_the_same_on_both_backends()
    {
        using var f = new RestFixture();
        var rest = await f.StartAsync();
        var file = await new FileTrackingStore(f.Temp.Combine("mlruns")).StartRunAsync(new RunStartRequest("exp", "r", new Dictionary<string, string>()), CancellationToken.None);
        foreach (var run in new[] { rest, file })
        {
            run.LogMetric("loss/D(x)|real", 1, 0);
            run.LogMetric("../escape", 2, 0);
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        var fileKeys = new FileStoreReader(f.Temp.Combine("mlruns")).GetRun(file.RunId).Metrics.Keys.Order(StringComparer.Ordinal);
        var restKeys = f.Server.GetRun(rest.RunId).Metrics.Select(m => m.Key).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(fileKeys, restKeys);
        Assert.Contains("loss/D_x__real", restKeys);
    }
}

using System.Text.Json;
using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine.Checkpoints;
using Gan.Engine.Tests.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Engine.Training;
using Gan.Toolkit;
using Gan.Tracking;

namespace Gan.Engine.Tests.Tracking;

/// <summary><c>tracking.also</c>: one run recorded by the primary store and by extra trackers, a plugin's among them.</summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class TrackingAlsoTests
{
    [Fact]
    public async Task A_run_also_tracked_by_a_plugin_backend_has_every_step_in_the_sqlite_store_and_in_the_plugins_file()
    {
        using var temp = new TemporaryDirectory();
        using var engine = Engine();
        var (uri, jsonl) = ("sqlite:///" + temp.Combine("mlflow.db"), temp.Combine("runs.jsonl"));
        var path = TinyExperiments.Mnist(temp, steps: 6, everySteps: 3, trackingUri: uri);

        var outcome = await engine.RunAsync(path, [$"tracking.also=['jsonl://{jsonl}']"]);

        Assert.Equal(RunStatus.Finished, outcome.Status);
        Assert.Equal(Steps(1, 6), await PrimaryStepsAsync(uri, outcome.RunId, "d_loss"));
        var lines = JsonlTrackingBackend.Read(jsonl);
        var jsonlRun = lines[0].GetProperty("run").GetString()!;
        Assert.Equal(Steps(1, 6), MetricSteps(lines, jsonlRun, "d_loss"));
        Assert.Equal(Steps(1, 6), MetricSteps(lines, jsonlRun, "g_loss"));
        Assert.Equal(outcome.RunId, lines[0].GetProperty("record").GetProperty("Tags").GetProperty(TrackingKeys.PrimaryRunTag).GetString());
        Assert.Contains(lines, l => Event(l) == "end" && l.GetProperty("record").GetProperty("status").GetString() == "FINISHED");
        using var reader = TrackingStoreFactory.CreateReader(uri);
        var tags = (await reader.GetRunAsync(outcome.RunId, CancellationToken.None)).Tags;
        Assert.Equal($"{jsonlRun} (JSON lines at {jsonl})", tags[TrackingKeys.AlsoTagPrefix + "0"]);
    }

    [Fact]
    public async Task An_extra_tracker_throwing_on_every_call_stops_neither_training_nor_the_other_trackers()
    {
        using var temp = new TemporaryDirectory();
        using var engine = Engine();
        var (uri, jsonl) = ("sqlite:///" + temp.Combine("mlflow.db"), temp.Combine("runs.jsonl"));
        var path = TinyExperiments.Mnist(temp, steps: 6, everySteps: 3, trackingUri: uri);

        var outcome = await engine.RunAsync(path, [$"tracking.also=['throwing:///x', 'jsonl://{jsonl}']"]);

        Assert.Equal(RunStatus.Finished, outcome.Status);
        Assert.Equal(Steps(1, 6), await PrimaryStepsAsync(uri, outcome.RunId, "d_loss"));
        var lines = JsonlTrackingBackend.Read(jsonl);
        Assert.Equal(Steps(1, 6), MetricSteps(lines, lines[0].GetProperty("run").GetString()!, "d_loss"));
    }

    [Fact]
    public async Task A_resumed_run_opens_a_new_run_in_each_extra_tracker_tagged_with_the_same_primary_run()
    {
        using var temp = new TemporaryDirectory();
        using var engine = Engine();
        var (uri, jsonl) = ("sqlite:///" + temp.Combine("mlflow.db"), temp.Combine("runs.jsonl"));
        var path = TinyExperiments.Mnist(temp, steps: 8, everySteps: 2, trackingUri: uri);
        string[] also = [$"tracking.also=['jsonl://{jsonl}']"];
        using var cancel = new CancellationTokenSource();

        var stopped = await engine.Runner.RunAsync(engine.Loader.Load(path, also), NullProgressReporter.Instance, new CancelAfterStep(cancel, step: 5), cancel.Token);
        var resumed = await engine.Runner.RunAsync(engine.Loader.Load(path, also), NullProgressReporter.Instance, NoTrainingProgress.Instance,
            CancellationToken.None, new RunOptions { Resume = stopped.RunId });

        Assert.Equal((RunStatus.Killed, RunStatus.Finished), (stopped.Status, resumed.Status));
        Assert.Equal(Steps(1, 8), await PrimaryStepsAsync(uri, resumed.RunId, "d_loss"));
        var lines = JsonlTrackingBackend.Read(jsonl);
        var starts = lines.Where(l => Event(l) == "start").ToList();
        Assert.Equal(2, starts.Count);
        Assert.All(starts, s => Assert.Equal(stopped.RunId, s.GetProperty("record").GetProperty("Tags").GetProperty(TrackingKeys.PrimaryRunTag).GetString()));
        var (first, second) = (starts[0].GetProperty("run").GetString()!, starts[1].GetProperty("run").GetString()!);
        Assert.Equal(Steps(1, 5), MetricSteps(lines, first, "d_loss"));
        Assert.Equal(Steps(6, 3), MetricSteps(lines, second, "d_loss"));
    }

    [Fact]
    public void Validate_names_an_also_entry_with_a_scheme_no_provider_handles_and_knows_the_plugins_schemes()
    {
        using var temp = new TemporaryDirectory();
        using var engine = Engine();
        var path = TinyExperiments.Mnist(temp, steps: 2, everySteps: 2);

        var error = Assert.Throws<ConfigurationException>(() =>
            engine.Loader.Load(path, [$"tracking.also=['jsonl://{temp.Combine("runs.jsonl")}', 'tb:///x']"], checkTracking: true));

        Assert.Contains("tracking.also.1 'tb:///x' has scheme 'tb', which no tracking provider handles; available: sqlite, file (or a folder), "
            + "http, https, jsonl, throwing — a plugin may add more.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tracking.also.0", error.Message, StringComparison.Ordinal);
    }

    private static EngineHarness Engine()
    {
        var engine = new EngineHarness(EngineHarness.BundledPlugins);
        engine.Catalog.AddInProcess(new JsonlTrackingPlugin(), "Gan.Tests.JsonlTracking");
        return engine;
    }

    private static async Task<List<long>> PrimaryStepsAsync(string uri, string runId, string key)
    {
        using var reader = TrackingStoreFactory.CreateReader(uri);
        return [.. (await reader.GetMetricHistoryAsync(runId, key, CancellationToken.None)).Select(p => p.Step).Order()];
    }

    private static List<long> MetricSteps(List<JsonElement> lines, string run, string key) =>
        [.. lines.Where(l => l.GetProperty("run").GetString() == run && Event(l) == "metric" && l.GetProperty("record").GetProperty("key").GetString() == key)
            .Select(l => l.GetProperty("record").GetProperty("step").GetInt64()).Order()];

    private static string? Event(JsonElement line) => line.GetProperty("record").GetProperty("event").GetString();

    private static List<long> Steps(long from, long count) => [.. Enumerable.Range((int)from, (int)count).Select(i => (long)i)];
}

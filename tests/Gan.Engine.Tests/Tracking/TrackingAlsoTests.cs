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
        using var run = new TinyRun(steps: 6, everySteps: 3);
        var (engine, uri, jsonl, path) = (run.Engine, run.Uri, run.Jsonl, run.Path);

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
        using var run = new TinyRun(steps: 6, everySteps: 3);
        var (engine, uri, jsonl, path) = (run.Engine, run.Uri, run.Jsonl, run.Path);

        var outcome = await engine.RunAsync(path, [$"tracking.also=['throwing:///x', 'jsonl://{jsonl}']"]);

        Assert.Equal(RunStatus.Finished, outcome.Status);
        Assert.Equal(Steps(1, 6), await PrimaryStepsAsync(uri, outcome.RunId, "d_loss"));
        var lines = JsonlTrackingBackend.Read(jsonl);
        Assert.Equal(Steps(1, 6), MetricSteps(lines, lines[0].GetProperty("run").GetString()!, "d_loss"));
    }

    [Fact]
    public async Task A_resumed_run_opens_a_new_run_in_each_extra_tracker_tagged_with_the_same_primary_run()
    {
        using var run = new TinyRun(steps: 8, everySteps: 2);
        var (engine, uri, jsonl, path) = (run.Engine, run.Uri, run.Jsonl, run.Path);
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
        using var run = new TinyRun(steps: 2, everySteps: 2);

        var error = Assert.Throws<ConfigurationException>(() =>
            run.Engine.Loader.Load(run.Path, [$"tracking.also=['jsonl://{run.Jsonl}', 'tb:///x']"], checkTracking: true));

        Assert.Contains("tracking.also.1 'tb:///x' has scheme 'tb', which no tracking provider handles; available: sqlite, file (or a folder), "
            + "http, https, jsonl, throwing — a plugin may add more.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tracking.also.0", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The tiny MNIST experiment tracked into SQLite, and an engine that has the JSON-lines plugin.</summary>
    private sealed class TinyRun : IDisposable
    {
        private readonly TemporaryDirectory _temp = new();

        public TinyRun(long steps, long everySteps)
        {
            Engine = GanEngine.Create([GanEngine.BundledPlugins]);
            Engine.Catalog.AddInProcess(new JsonlTrackingPlugin(), "Gan.Tests.JsonlTracking");
            Uri = "sqlite:///" + _temp.Combine("mlflow.db");
            Jsonl = _temp.Combine("runs.jsonl");
            Path = TinyExperiments.Mnist(_temp, steps, everySteps, trackingUri: Uri);
        }

        public GanEngine Engine { get; }

        public string Uri { get; }

        public string Jsonl { get; }

        public string Path { get; }

        public void Dispose()
        {
            Engine.Dispose();
            _temp.Dispose();
        }
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

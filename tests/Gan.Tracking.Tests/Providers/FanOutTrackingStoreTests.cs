using Gan.Abstractions;
using Gan.Tracking.FanOut;

namespace Gan.Tracking.Tests.Providers;

public sealed class FanOutTrackingStoreTests
{
    [Fact]
    public async Task Every_call_reaches_every_tracker_and_the_primary_names_the_extra_runs()
    {
        var (primary, extra) = (new RecordingStore("primary"), new RecordingStore("extra"));
        var store = new FanOutTrackingStore(primary, [extra]);

        await using (var run = await store.StartRunAsync(new RunStartRequest("e", "r", new Dictionary<string, string>()), CancellationToken.None))
        {
            run.LogMetric("loss", 0.5, 1);
            run.LogMetrics(new Dictionary<string, double> { ["loss"] = 0.25 }, 2);
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
            Assert.Equal("primary-1", run.RunId);
        }

        Assert.Equal(["loss@1", "loss@2"], extra.Calls.Where(c => c.StartsWith("loss", StringComparison.Ordinal)));
        Assert.Equal(["loss@1", "loss@2"], primary.Calls.Where(c => c.StartsWith("loss", StringComparison.Ordinal)));
        Assert.Contains("tag gan.tracking.also.0=extra-1 (extra)", primary.Calls);
        Assert.Contains("start e/r parent= tags=gan.tracking.primary_run_id:primary-1", extra.Calls);
        Assert.Contains("end Finished", extra.Calls);
    }

    [Fact]
    public async Task A_nested_run_is_nested_under_the_extra_trackers_copy_of_its_parent()
    {
        var (primary, extra) = (new RecordingStore("primary"), new RecordingStore("extra"));
        var store = new FanOutTrackingStore(primary, [extra]);

        await using var parent = await store.StartRunAsync(new RunStartRequest("e", "p", new Dictionary<string, string>()), CancellationToken.None);
        await using var child = await store.StartRunAsync(new RunStartRequest("e", "c", new Dictionary<string, string>(), ParentRunId: parent.RunId), CancellationToken.None);

        Assert.Contains("start e/c parent=extra-1 tags=gan.tracking.primary_run_id:primary-2", extra.Calls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_extra_tracker_that_throws_is_reported_once_and_left_out(bool failsAtStart)
    {
        using var logs = new CapturingLoggerFactory();
        var (primary, broken, healthy) = (new RecordingStore("primary"), new RecordingStore("broken") { FailsAtStart = failsAtStart, FailsOnCalls = true },
            new RecordingStore("healthy"));
        var store = new FanOutTrackingStore(primary, [broken, healthy], logs);

        for (var i = 0; i < 2; i++)
        {
            await using var run = await store.StartRunAsync(new RunStartRequest("e", "r", new Dictionary<string, string>()), CancellationToken.None);
            run.LogMetric("loss", 1, 1);
            run.SetTag("k", "v");
            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        var warning = Assert.Single(logs.Warnings);
        Assert.Contains("Tracker tracking.also.0 (broken) failed in", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, primary.Calls.Count(c => c == "loss@1"));
        Assert.Equal(2, healthy.Calls.Count(c => c == "loss@1"));
        Assert.Equal(failsAtStart ? 0 : 1, broken.Calls.Count(c => c.StartsWith("start", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Resume_trims_the_primary_only()
    {
        var (primary, extra) = (new RecordingStore("primary"), new RecordingStore("extra"));

        await new FanOutTrackingStore(primary, [extra]).TrimMetricHistoryAsync("primary-1", 5, CancellationToken.None);

        Assert.Equal(["trim primary-1 5"], primary.Calls);
        Assert.Empty(extra.Calls);
    }

    /// <summary>A store that writes down every call, as text, and may throw.</summary>
    private sealed class RecordingStore(string name) : ITrackingStore
    {
        private int _runs;

        public List<string> Calls { get; } = [];

        public bool FailsAtStart { get; init; }

        public bool FailsOnCalls { get; init; }

        public string Description => name;

        public Task<ITrackedRun> StartRunAsync(RunStartRequest request, CancellationToken ct)
        {
            if (FailsAtStart)
            {
                throw new IOException("cannot start");
            }

            Calls.Add($"start {request.ExperimentName}/{request.RunName} parent={request.ParentRunId} tags={string.Join(",", request.Tags.Select(t => $"{t.Key}:{t.Value}"))}");
            return Task.FromResult<ITrackedRun>(new Run(this, $"{name}-{++_runs}"));
        }

        public Task<MetricHistoryTrim?> TrimMetricHistoryAsync(string runId, long lastStep, CancellationToken ct)
        {
            Calls.Add($"trim {runId} {lastStep}");
            return Task.FromResult<MetricHistoryTrim?>(null);
        }

        private void Record(string call)
        {
            if (FailsOnCalls)
            {
                throw new IOException("disk gone");
            }

            Calls.Add(call);
        }

        private sealed class Run(RecordingStore store, string runId) : ITrackedRun
        {
            public string RunId => runId;

            public string ExperimentId => "1";

            public string ArtifactUri => "";

            public void LogMetric(string key, double value, long step) => store.Record($"{key}@{step}");

            public void LogMetrics(IReadOnlyDictionary<string, double> values, long step)
            {
                foreach (var key in values.Keys)
                {
                    store.Record($"{key}@{step}");
                }
            }

            public void LogParam(string key, string value) => store.Record($"param {key}={value}");

            public void SetTag(string key, string value) => store.Record($"tag {key}={value}");

            public void LogArtifact(string artifactPath, byte[] content) => store.Record($"artifact {artifactPath}");

            public void LogImage(string key, byte[] png, long step) => store.Record($"image {key}@{step}");

            public void LogDatasets(IReadOnlyList<DatasetInfo> datasets) => store.Record("datasets");

            public void LogModel(LoggedModelRequest model) => store.Record("model");

            public Task EndAsync(RunStatus status, CancellationToken ct)
            {
                store.Record($"end {status}");
                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}

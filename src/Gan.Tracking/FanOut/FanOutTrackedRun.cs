using Gan.Abstractions;

namespace Gan.Tracking.FanOut;

/// <summary>
/// One run recorded by several trackers: every call goes to the primary run, then to each extra run (each shielded by
/// <see cref="GuardedTrackedRun"/>). Its id, experiment and artifact location are the primary's.
/// </summary>
internal sealed class FanOutTrackedRun(ITrackedRun primary, IReadOnlyList<ITrackedRun> also) : ITrackedRun
{
    public string RunId => primary.RunId;

    public string ExperimentId => primary.ExperimentId;

    public string ArtifactUri => primary.ArtifactUri;

    public void LogMetric(string key, double value, long step) => Each(run => run.LogMetric(key, value, step));

    public void LogMetrics(IReadOnlyDictionary<string, double> values, long step) => Each(run => run.LogMetrics(values, step));

    public void LogParam(string key, string value) => Each(run => run.LogParam(key, value));

    public void SetTag(string key, string value) => Each(run => run.SetTag(key, value));

    public void LogArtifact(string artifactPath, byte[] content) => Each(run => run.LogArtifact(artifactPath, content));

    public void LogImage(string key, byte[] png, long step) => Each(run => run.LogImage(key, png, step));

    public void LogDatasets(IReadOnlyList<DatasetInfo> datasets) => Each(run => run.LogDatasets(datasets));

    public void LogModel(LoggedModelRequest model) => Each(run => run.LogModel(model));

    // The trackers end side by side: a slow extra tracker does not hold the primary's end back.
    public Task EndAsync(RunStatus status, CancellationToken ct) =>
        Task.WhenAll([primary.EndAsync(status, ct), .. also.Select(run => run.EndAsync(status, ct))]);

    public async ValueTask DisposeAsync()
    {
        await primary.DisposeAsync();
        foreach (var run in also)
        {
            await run.DisposeAsync();
        }
    }

    private void Each(Action<ITrackedRun> call)
    {
        call(primary);
        foreach (var run in also)
        {
            call(run);
        }
    }
}

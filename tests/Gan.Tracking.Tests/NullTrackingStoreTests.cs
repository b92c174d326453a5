namespace Gan.Tracking.Tests;

public sealed class NullTrackingStoreTests
{
    [Fact]
    public async Task Null_store_runs_have_a_random_id_and_accept_every_call()
    {
        var store = new NullTrackingStore();
        await using var run = await store.StartRunAsync(
            new RunStartRequest("e", "r", new Dictionary<string, string>()), CancellationToken.None);
        await using var other = await store.StartRunAsync(
            new RunStartRequest("e", "r", new Dictionary<string, string>()), CancellationToken.None);

        run.LogMetric("m", 1, 0);
        run.LogParam("p", "v");
        run.SetTag("t", "v");
        run.LogArtifact("a.txt", [1]);
        run.LogImage("i", [1], 0);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        Assert.Matches("^[0-9a-f]{32}$", run.RunId);
        Assert.NotEqual(run.RunId, other.RunId);
        Assert.Equal("tracking disabled", store.Description);
    }
}

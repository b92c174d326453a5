using Gan.Engine.Tests.Infrastructure;
using Gan.Tracking;

namespace Gan.Engine.Tests.Checkpoints;

/// <summary>The reproducibility promise, end to end with the real executable: SIGKILL, resume, same weights.</summary>
[Collection(InProcessTrainingCollection.Name)]
[Trait("Category", "Slow")]
public sealed class KillAndResumeTests
{
    private const long Steps = 120;

    [Fact]
    public async Task Run_killed_with_sigkill_and_resumed_ends_with_the_weights_of_an_uninterrupted_run()
    {
        // Recorded in the default store (MLflow's SQLite database in the working folder), which the kill must leave usable.
        using var temp = new TemporaryDirectory();
        var path = TinyExperiments.Mnist(temp, steps: Steps, everySteps: 30, trackingUri: TinyExperiments.DefaultStore);

        var (killedAfter, resumed) = KillAndResume.Check(temp, path, [], killInStage: 0, killAfterStep: 60);

        var runId = Path.GetFileName(resumed);
        using var reader = new SqliteTrackingReader(temp.Combine("mlflow.db"));
        Assert.Equal(Enumerable.Range(1, (int)Steps).Select(i => (long)i), (await reader.GetMetricHistoryAsync(runId, "d_loss", CancellationToken.None)).Select(p => p.Step).Order());
        var run = await reader.GetRunAsync(runId, CancellationToken.None);
        Assert.Equal((RunStatus.Finished, Steps), (run.Status, run.Metrics["d_loss"].Step));
        Assert.True(killedAfter >= 60);
    }
}

using Gan.Engine.Checkpoints;
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
        var (fullExit, fullOutput) = GanProcess.Run(temp.Path, "run", path, "--set", $"checkpoints.directory={temp.Combine("full")}");
        Assert.True(fullExit == 0, fullOutput);

        long killedAfter;
        using (var victim = GanProcess.Start(temp.Path, "run", path))
        {
            killedAfter = WaitForCheckpoint(temp.Combine("checkpoints"), atLeastStep: 60);
            victim.Signal("KILL");
            var (exit, _) = victim.WaitForExit(TimeSpan.FromMinutes(1));
            Assert.Equal(128 + 9, exit); // died of SIGKILL, did not finish
        }

        var (resumeExit, resumeOutput) = GanProcess.Run(temp.Path, "run", path, "--resume");

        Assert.True(resumeExit == 0, resumeOutput);
        var full = Directory.GetDirectories(temp.Combine("full")).Single();
        var resumed = Directory.GetDirectories(temp.Combine("checkpoints")).Single();
        foreach (var network in new[] { "generator.pt", "discriminator.pt" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(full, "train", "final", network)), File.ReadAllBytes(Path.Combine(resumed, "train", "final", network)));
        }

        var runId = Path.GetFileName(resumed);
        using var reader = new SqliteTrackingReader(temp.Combine("mlflow.db"));
        Assert.Equal(Enumerable.Range(1, (int)Steps).Select(i => (long)i), (await reader.GetMetricHistoryAsync(runId, "d_loss", CancellationToken.None)).Select(p => p.Step).Order());
        var run = await reader.GetRunAsync(runId, CancellationToken.None);
        Assert.Equal((RunStatus.Finished, Steps), (run.Status, run.Metrics["d_loss"].Step));
        Assert.True(killedAfter >= 60);
    }

    private static long WaitForCheckpoint(string root, long atLeastStep)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(root))
            {
                foreach (var run in Directory.GetDirectories(root))
                {
                    if (new CheckpointStore(Path.Combine(run, CheckpointStore.FolderName)).Latest() is { } latest
                        && CheckpointStore.ReadManifest(latest).Position.Step is var step && step >= atLeastStep)
                    {
                        return step;
                    }
                }
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"no checkpoint at step {atLeastStep} or later appeared under {root}");
    }
}

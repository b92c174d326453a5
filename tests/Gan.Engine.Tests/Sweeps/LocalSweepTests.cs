using System.Globalization;
using Gan.Engine.Sweeps;
using Gan.Engine.Tests.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Tracking;

namespace Gan.Engine.Tests.Sweeps;

[Collection(InProcessTrainingCollection.Name)]
[Trait("Category", "Slow")]
public sealed class LocalSweepTests
{
    [Fact]
    public async Task Two_trials_run_in_parallel_processes_as_child_runs_and_are_ranked_best_first()
    {
        // Recorded in the default store: two trial processes and the sweep's parent run write one SQLite database at once.
        using var temp = new TemporaryDirectory();
        var path = TinyExperiments.Mnist(temp, steps: 15, everySteps: 1000, trackingUri: TinyExperiments.DefaultStore);

        var (exit, output) = GanProcess.Run(temp.Path, "sweep", path, "--sweep", "optimizers.default.lr=0.0002,0.002",
            "--parallel", "2", "--set", "sweep.metric=d_loss", "--set", $"sweep.directory={temp.Combine("sweeps")}");

        Assert.True(exit == 0, output);
        var folder = SweepResults.SingleSweepFolder(temp.Combine("sweeps"));
        var manifest = SweepManifest.Read(folder);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), manifest.ThreadsPerTrial);
        var results = new[] { SweepResults.Result(folder, 0), SweepResults.Result(folder, 1) };
        Assert.All(results, r => Assert.Equal("FINISHED", r.Status));
        var ranked = SweepResults.SummaryRows(folder).Select(row => row.Split('\t')).ToList();
        Assert.Equal(2, ranked.Count);
        var values = ranked.Select(r => double.Parse(r[3], CultureInfo.InvariantCulture)).ToList();
        Assert.True(values[0] <= values[1], "best (lowest d_loss) first");

        using var store = new SqliteTrackingReader(temp.Combine("mlflow.db"));
        var runs = new List<RunInfo>();
        foreach (var result in results)
        {
            runs.Add(await store.GetRunAsync(result.RunId!, CancellationToken.None));
        }

        Assert.All(runs, run => Assert.Equal(manifest.ParentRunId, run.Tags["mlflow.parentRunId"]));
        Assert.All(runs, run => Assert.Equal(manifest.ThreadsPerTrial.ToString(CultureInfo.InvariantCulture), run.Params["threads"]));
        Assert.Equal(["0.0002", "0.002"], runs.Select(run => run.Params["optimizers.default.lr"]));
        // Both processes were alive at once: each started before the other ended.
        Assert.True(runs[0].StartTime < runs[1].EndTime && runs[1].StartTime < runs[0].EndTime, "the two trials should overlap in time");
        var parent = await store.GetRunAsync(manifest.ParentRunId, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, parent.Status);
        Assert.Equal(ranked[0][4], parent.Tags["gan.sweep.best_run"]);
    }

    [Fact]
    public void Asha_sweep_of_nine_trials_promotes_the_best_third_at_each_rung_and_resumes_them_into_their_runs()
    {
        using var temp = new TemporaryDirectory();
        var path = TinyExperiments.Mnist(temp, steps: 5, everySteps: 1000);

        var (exit, output) = GanProcess.Run(temp.Path, ["sweep", path, "--parallel", "2", .. AshaSweepCheck.Arguments(temp.Combine("sweeps"))]);

        Assert.True(exit == 0, output);
        Assert.Contains("rung 3/3: 1 trial(s) to step 18", output, StringComparison.Ordinal);
        AshaSweepCheck.Verify(SweepResults.SingleSweepFolder(temp.Combine("sweeps")), new FileStoreReader(temp.Combine("mlruns")));
    }

    [Fact]
    public void Failed_trial_is_reported_and_can_be_rerun_alone()
    {
        using var temp = new TemporaryDirectory();
        var path = TinyExperiments.Mnist(temp, steps: 5, everySteps: 1000);

        var (exit, output) = GanProcess.Run(temp.Path, "sweep", path, "--sweep", "data.batch_size=16,0",
            "--set", $"sweep.directory={temp.Combine("sweeps")}");

        Assert.NotEqual(0, exit);
        var folder = SweepResults.SingleSweepFolder(temp.Combine("sweeps"));
        Assert.Contains($"gan sweep rerun {folder} --trial 1", output.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.Equal("FAILED", SweepResults.Result(folder, 1).Status);
        Assert.Contains("batch_size", SweepResults.Result(folder, 1).Message, StringComparison.Ordinal);
        var firstRun = SweepResults.Result(folder, 0).RunId;

        var (rerunExit, rerunOutput) = GanProcess.Run(temp.Path, "sweep", "rerun", folder, "--trial", "0");

        Assert.NotEqual(0, rerunExit); // trial 1 still failed, so the sweep as a whole did too
        Assert.Contains("re-running trial(s) 0", rerunOutput, StringComparison.Ordinal);
        Assert.Equal("FINISHED", SweepResults.Result(folder, 0).Status);
        Assert.NotEqual(firstRun, SweepResults.Result(folder, 0).RunId);
    }
}

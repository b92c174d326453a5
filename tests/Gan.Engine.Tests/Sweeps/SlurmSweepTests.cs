using Gan.Engine.Sweeps;
using Gan.Engine.Tests.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Tracking;

namespace Gan.Engine.Tests.Sweeps;

/// <summary>The Slurm executor against a real slurmctld + slurmd (never a fake sbatch).</summary>
[Collection(InProcessTrainingCollection.Name)]
[Trait("Category", "Slow")]
public sealed class SlurmSweepTests : IClassFixture<SlurmCluster>
{
    private readonly SlurmCluster _slurm;

    public SlurmSweepTests(SlurmCluster slurm) => _slurm = slurm;

    [SkippableFact]
    public void Two_trial_sweep_runs_to_completion_as_a_real_slurm_job_array()
    {
        Skip.If(_slurm.Unavailable is not null, _slurm.Unavailable);
        using var temp = new TemporaryDirectory();
        var path = TinyExperiments.Mnist(temp, steps: 10, everySteps: 1000);

        var (exit, output) = GanProcess.Run(temp.Path, "sweep", path, "--executor", "slurm", "--sweep", "model.generator.latent_dim=8,16",
            "--set", "sweep.metric=d_loss", "--set", "sweep.slurm.poll_seconds=0.5", "--set", $"sweep.directory={temp.Combine("sweeps")}");

        Assert.True(exit == 0, output);
        Assert.Contains("submitted Slurm job array", output, StringComparison.Ordinal);
        var folder = SweepResults.SingleSweepFolder(temp.Combine("sweeps"));
        var manifest = SweepManifest.Read(folder);
        var job = Assert.Single(manifest.SlurmJobs);
        var store = new FileStoreReader(temp.Combine("mlruns"));
        for (var trial = 0; trial < 2; trial++)
        {
            var result = SweepResults.Result(folder, trial);
            Assert.Equal("FINISHED", result.Status);
            Assert.True(File.Exists(Path.Combine(folder, $"trial{trial:D3}", $"slurm-{job}_{trial}.out")), "Slurm wrote the task's output");
            Assert.Equal(manifest.ParentRunId, store.GetRun(result.RunId!).Tags["mlflow.parentRunId"]);
        }

        Assert.Equal(2, SweepResults.SummaryRows(folder).Length);
    }

    [SkippableFact]
    public void Asha_sweep_of_nine_trials_runs_each_rung_as_a_slurm_job_array()
    {
        Skip.If(_slurm.Unavailable is not null, _slurm.Unavailable);
        using var temp = new TemporaryDirectory();
        var path = TinyExperiments.Mnist(temp, steps: 5, everySteps: 1000);

        var (exit, output) = GanProcess.Run(temp.Path,
            ["sweep", path, "--executor", "slurm", "--set", "sweep.slurm.poll_seconds=0.5", .. AshaSweepCheck.Arguments(temp.Combine("sweeps"))]);

        Assert.True(exit == 0, output);
        var folder = SweepResults.SingleSweepFolder(temp.Combine("sweeps"));
        Assert.Equal(3, SweepManifest.Read(folder).SlurmJobs.Count); // one job array per rung
        AshaSweepCheck.Verify(folder, new FileStoreReader(temp.Combine("mlruns")));
    }
}

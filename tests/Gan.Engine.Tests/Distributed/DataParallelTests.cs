using Gan.Abstractions;
using Gan.Engine.Tests.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Engine.Tests.Sweeps;
using Gan.Tracking;
using TorchSharp;

namespace Gan.Engine.Tests.Distributed;

/// <summary>Data-parallel training through real Open MPI ranks: launched by mpirun, and by srun in a real Slurm.</summary>
[Collection(InProcessTrainingCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DataParallelTests : IClassFixture<OpenMpi>, IClassFixture<SlurmCluster>
{
    private const long Steps = 50;
    private readonly OpenMpi _mpi;
    private readonly SlurmCluster _slurm;

    public DataParallelTests(OpenMpi mpi, SlurmCluster slurm) => (_mpi, _slurm) = (mpi, slurm);

    [SkippableFact]
    public void Two_ranks_of_batch_32_train_the_weights_of_one_process_of_batch_64_in_one_tracked_run()
    {
        Skip.If(_mpi.Unavailable is not null, _mpi.Unavailable);
        AssertTwoRanksMatchOneProcess("mpirun", (folder, arguments) => _mpi.Gan(folder, 2, arguments));
    }

    [SkippableFact]
    public void Srun_with_two_tasks_trains_the_same_weights_as_one_process_of_the_global_batch()
    {
        Skip.If(_mpi.Unavailable is not null, _mpi.Unavailable);
        Skip.If(_slurm.Unavailable is not null, _slurm.Unavailable);
        // --mpi=pmix: Open MPI joins srun's tasks through Slurm's PMIx plugin (build/slurm-local.sh also makes it the default).
        AssertTwoRanksMatchOneProcess("srun", (folder, arguments) =>
            OpenMpi.Run("srun", ["-n", "2", "--mpi=pmix", GanProcess.Executable, .. arguments], folder, TimeSpan.FromMinutes(5)));
    }

    /// <summary>
    /// 50 steps of one process of batch 64 and of two ranks of batch 32 started by <paramref name="twoRanks"/> (given the
    /// working folder and gan's arguments): the same weights, and one tracked run for the two ranks.
    /// </summary>
    private static void AssertTwoRanksMatchOneProcess(string launcher, Func<string, string[], (int ExitCode, string Output)> twoRanks)
    {
        using var temp = new TemporaryDirectory();
        var path = TinyExperiments.Mnist(temp, steps: Steps, everySteps: 1000);

        var (oneExit, oneOutput) = GanProcess.Run(temp.Path, "run", path, "--set", "data.batch_size=64", "--set", $"checkpoints.directory={temp.Combine("one")}");
        var (twoExit, twoOutput) = twoRanks(temp.Path, ["run", path, "--set", "data.batch_size=32", "--set", $"checkpoints.directory={temp.Combine("two")}"]);

        Assert.True(oneExit == 0, oneOutput);
        Assert.True(twoExit == 0, twoOutput);
        AssertSameWeights(temp.Combine("one"), temp.Combine("two"));
        AssertOneRecord(temp.Combine("mlruns"), launcher);
    }

    [SkippableFact]
    public void Run_of_two_ranks_resumes_with_one_process_of_the_global_batch_and_ends_with_the_same_weights()
    {
        Skip.If(_mpi.Unavailable is not null, _mpi.Unavailable);
        using var temp = new TemporaryDirectory();
        var path = TinyExperiments.Mnist(temp, steps: Steps, everySteps: 10);

        var (oneExit, oneOutput) = GanProcess.Run(temp.Path, "run", path, "--set", "data.batch_size=64", "--set", $"checkpoints.directory={temp.Combine("one")}");
        var (twoExit, twoOutput) = _mpi.Gan(temp.Path, 2, "run", path, "--set", "data.batch_size=32", "--set", "checkpoints.keep=10",
            "--set", $"checkpoints.directory={temp.Combine("two")}");
        var run = Directory.GetDirectories(temp.Combine("two")).Single();
        var (resumeExit, resumeOutput) = GanProcess.Run(temp.Path, "run", path, "--set", "data.batch_size=64",
            "--set", $"checkpoints.directory={temp.Combine("two")}", "--resume", Path.Combine(run, "resume", "stage00-step000000030"));

        Assert.True(oneExit == 0, oneOutput);
        Assert.True(twoExit == 0, twoOutput);
        Assert.True(resumeExit == 0, resumeOutput);
        Assert.Contains("at step 30", resumeOutput, StringComparison.Ordinal);
        AssertSameWeights(temp.Combine("one"), temp.Combine("two"));
    }

    [SkippableFact]
    public void Slurm_sweep_trial_of_two_tasks_trains_data_parallel_and_records_one_result()
    {
        Skip.If(_mpi.Unavailable is not null, _mpi.Unavailable);
        Skip.If(_slurm.Unavailable is not null, _slurm.Unavailable);
        using var temp = new TemporaryDirectory();
        var path = TinyExperiments.Mnist(temp, steps: 10, everySteps: 1000);

        var (exit, output) = GanProcess.Run(temp.Path, "sweep", path, "--executor", "slurm", "--sweep", "seed=3",
            "--set", "sweep.slurm.tasks_per_trial=2", "--set", "sweep.slurm.poll_seconds=0.5", "--set", $"sweep.directory={temp.Combine("sweeps")}");

        Assert.True(exit == 0, output);
        var result = SweepResults.Result(SweepResults.SingleSweepFolder(temp.Combine("sweeps")), 0);
        Assert.Equal("FINISHED", result.Status);
        var run = new FileStoreReader(temp.Combine("mlruns")).GetRun(result.RunId!);
        Assert.Equal("2", run.Tags["gan.distributed.world_size"]);
    }

    /// <summary>Every network's final weights of the two runs agree within 1e-5.</summary>
    private static void AssertSameWeights(string oneRoot, string twoRoot)
    {
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        using var one = engine.Models(oneRoot).Open(Directory.GetDirectories(oneRoot).Single(), torch.CPU);
        using var two = engine.Models(twoRoot).Open(Directory.GetDirectories(twoRoot).Single(), torch.CPU);
        Assert.Equal(["discriminator", "generator"], one.Instances.Order());
        foreach (var instance in one.Instances)
        {
            var expected = one.Load<INetwork>(instance).Module.named_parameters().ToList();
            var actual = two.Load<INetwork>(instance).Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            foreach (var (name, parameter) in expected)
            {
                var difference = (parameter - actual[name]).abs().max().item<float>();
                Assert.True(difference < 1e-5, $"{instance}.{name} differs by {difference} between one process and two ranks");
            }
        }
    }

    /// <summary>The two-rank launch left one run (rank 0's), with every step's values once.</summary>
    private static void AssertOneRecord(string trackingRoot, string launcher)
    {
        var store = new FileStoreReader(trackingRoot);
        var runs = store.ListExperiments().SelectMany(e => store.ListRuns(e.ExperimentId)).ToList();
        Assert.Equal(2, runs.Count); // one per launch: the single process's and rank 0's
        var distributed = Assert.Single(runs, r => r.Tags.ContainsKey("gan.distributed.world_size"));
        Assert.Equal(("2", launcher), (distributed.Tags["gan.distributed.world_size"], distributed.Tags["gan.distributed.launcher"]));
        Assert.Equal(Enumerable.Range(1, (int)Steps).Select(s => (long)s), store.GetMetricHistory(distributed.RunId, "d_loss").Select(p => p.Step));
    }
}

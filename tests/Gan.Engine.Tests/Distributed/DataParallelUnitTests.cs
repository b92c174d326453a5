using Gan.Engine.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Engine.Tests.Distributed;

/// <summary>The data-parallel arithmetic against a stand-in world whose other rank holds known values.</summary>
public sealed class DataParallelUnitTests
{
    [Fact]
    public void Gradients_become_the_mean_over_the_ranks_in_few_bucketed_calls()
    {
        var world = new TwoRankWorld(otherRankValue: 3f);
        var dataParallel = new DataParallel(world, new LaunchEnvironment(0, 2, 0, 2, "test"), bucketMegabytes: 1);
        using var small = new TorchSharp.Modules.Parameter(zeros(10));
        using var large = new TorchSharp.Modules.Parameter(zeros(300_000)); // 1.2 MB: a bucket of its own
        using var third = new TorchSharp.Modules.Parameter(zeros(5));
        small.grad = full(10, 1f);
        large.grad = full(300_000, 5f);
        third.grad = full(5, -1f);

        dataParallel.AverageGradients([small, large, third]);

        Assert.Equal(2f, small.grad!.mean().item<float>()); // (1 + 3) / 2
        Assert.Equal(4f, large.grad!.mean().item<float>());
        Assert.Equal(1f, third.grad!.mean().item<float>());
        Assert.Equal(3, world.Calls); // [small], [large], [third]: the large tensor does not fit with the others
    }

    [Fact]
    public void Ranks_with_different_experiments_refuse_to_train()
    {
        var dataParallel = new DataParallel(new TwoRankWorld(otherRankValue: 0f, otherFingerprintDiffers: true), new LaunchEnvironment(0, 2, 0, 2, "test"), 25);

        var error = Assert.Throws<DistributedSetupException>(() => dataParallel.VerifySameExperiment("name: a"));

        Assert.Contains("ranks disagree on the experiment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_values_are_averaged_and_a_stop_on_any_rank_stops_all()
    {
        var dataParallel = new DataParallel(new TwoRankWorld(otherRankValue: 1f, otherStops: true), new LaunchEnvironment(0, 2, 0, 2, "test"), 25);

        var values = dataParallel.Average(new Dictionary<string, double> { ["g_loss"] = 3, ["d_loss"] = 0.5 });

        Assert.Equal(2, values["g_loss"]);
        Assert.Equal(0.75, values["d_loss"]);
        Assert.True(dataParallel.AnyStops(false));
    }

    [Theory]
    [InlineData("OMPI_COMM_WORLD_SIZE=4 OMPI_COMM_WORLD_RANK=2 OMPI_COMM_WORLD_LOCAL_RANK=0 OMPI_COMM_WORLD_LOCAL_SIZE=2", 2, 4, 0, 2, "mpirun")]
    [InlineData("SLURM_STEP_ID=0 SLURM_STEP_NUM_TASKS=8 SLURM_PROCID=5 SLURM_LOCALID=1 SLURM_STEP_TASKS_PER_NODE=4(x2) SLURM_NTASKS=8", 5, 8, 1, 4, "srun")]
    [InlineData("PMI_SIZE=3 PMI_RANK=1", 1, 3, 0, 3, "PMI")]
    public void Launchers_environments_give_rank_and_size(string environment, int rank, int size, int localRank, int localSize, string launcher) =>
        Assert.Equal(new LaunchEnvironment(rank, size, localRank, localSize, launcher), LaunchEnvironment.Detect(Variables(environment)));

    [Fact]
    public void A_batch_scripts_own_shell_is_not_a_rank() =>
        Assert.Null(LaunchEnvironment.Detect(Variables("SLURM_NTASKS=2 SLURM_PROCID=0 SLURM_JOB_ID=7")));

    private static Func<string, string?> Variables(string text)
    {
        var pairs = text.Split(' ').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return name => pairs.GetValueOrDefault(name);
    }

    /// <summary>Rank 0 of a two-rank world; the other rank's contributions are fixed values.</summary>
    private sealed class TwoRankWorld(float otherRankValue, bool otherFingerprintDiffers = false, bool otherStops = false) : ICommunicator
    {
        private int _reductions;

        public int Calls { get; private set; }

        public int Rank => 0;

        public int Size => 2;

        public TimeSpan CommunicationTime => TimeSpan.Zero;

        public void SumInPlace(Span<float> buffer)
        {
            Calls++;
            foreach (ref var value in buffer)
            {
                value += otherRankValue;
            }
        }

        public void ReduceInPlace(double[] buffer, ReduceOperation operation)
        {
            var first = _reductions++ == 0;
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = operation switch
                {
                    ReduceOperation.Sum => buffer[i] + otherRankValue,
                    ReduceOperation.Max when otherStops => Math.Max(buffer[i], 1),
                    ReduceOperation.Max when otherFingerprintDiffers && !first => buffer[i] + 1,
                    _ => buffer[i],
                };
            }
        }

        public void Broadcast(Span<float> buffer)
        {
        }

        public void Abort(int exitCode)
        {
        }
    }
}

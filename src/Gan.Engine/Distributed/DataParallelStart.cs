using Gan.Engine.Experiments;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Gan.Engine.Distributed;

/// <summary>Decides whether this process is one rank of a data-parallel run, and prepares it: MPI, threads, device.</summary>
internal static class DataParallelStart
{
    /// <summary>The run's <see cref="DataParallel"/>, or null when this process trains alone.</summary>
    public static DataParallel? Create(DistributedDefinition settings, LaunchEnvironment? launch, ILogger logger)
    {
        if (settings.Enabled == DistributedMode.Off)
        {
            if (launch is { Size: > 1 })
            {
                logger.LogWarning("distributed.enabled is off but {Launcher} started {Size} processes: each trains alone.", launch.Launcher, launch.Size);
            }

            return null;
        }

        if (settings.Enabled == DistributedMode.Auto && launch is not { Size: > 1 })
        {
            return null;
        }

        var world = MpiCommunicator.World();
        launch ??= new LaunchEnvironment(world.Rank, world.Size, 0, world.Size, "MPI");
        if (world.Size != launch.Size)
        {
            throw new DistributedSetupException(
                $"{launch.Launcher} started {launch.Size} processes but MPI sees {world.Size}: under Slurm launch with " +
                "'srun --mpi=pmix' (Open MPI needs the PMIx plugin to join the ranks), or use mpirun.");
        }

        return new DataParallel(world, launch, settings.BucketMb);
    }

    /// <summary>Torch threads of each rank when the experiment sets none: the node's cores shared by its ranks.</summary>
    public static void ShareCores(DataParallel run, int? configuredThreads)
    {
        if (configuredThreads is null)
        {
            torch.set_num_threads(Math.Max(1, Environment.ProcessorCount / Math.Max(1, run.Launch.LocalSize)));
        }
    }

    /// <summary><c>cuda:{local rank}</c> when the experiment chose CUDA without naming a device, so each rank takes its own GPU.</summary>
    public static torch.Device DeviceOf(DataParallel run, torch.Device selected, string configured) =>
        selected.type == DeviceType.CUDA && !configured.Contains(':', StringComparison.Ordinal)
            ? torch.device(DeviceType.CUDA, run.Launch.LocalRank % Math.Max(1, (int)torch.cuda.device_count()))
            : selected;
}

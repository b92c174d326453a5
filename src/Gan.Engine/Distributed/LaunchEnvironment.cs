using System.Globalization;

namespace Gan.Engine.Distributed;

/// <summary>
/// What the launcher told this process: its rank, the number of ranks and its rank on this node. Read from Open MPI's
/// <c>mpirun</c> (<c>OMPI_COMM_WORLD_*</c>), PMI/PMIx (<c>PMI_RANK</c>, <c>PMI_SIZE</c>, <c>PMIX_RANK</c>) and a Slurm job
/// step (<c>srun</c>: <c>SLURM_STEP_NUM_TASKS</c>, <c>SLURM_PROCID</c>, <c>SLURM_LOCALID</c>; a batch script's own
/// environment, which has <c>SLURM_NTASKS</c> but is one process, does not count).
/// </summary>
/// <param name="Rank">This process's rank.</param>
/// <param name="Size">Number of ranks.</param>
/// <param name="LocalRank">Rank among the processes of this node (picks <c>cuda:{local rank}</c>).</param>
/// <param name="LocalSize">Processes on this node (share its cores).</param>
/// <param name="Launcher">Which launcher's variables were read, for messages.</param>
public sealed record LaunchEnvironment(int Rank, int Size, int LocalRank, int LocalSize, string Launcher)
{
    /// <summary>The launcher's description of this process, or null when no launcher started it.</summary>
    public static LaunchEnvironment? Detect(Func<string, string?> variable)
    {
        int? Read(string name) => int.TryParse(variable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

        if (Read("OMPI_COMM_WORLD_SIZE") is { } ompiSize && Read("OMPI_COMM_WORLD_RANK") is { } ompiRank)
        {
            return new(ompiRank, ompiSize, Read("OMPI_COMM_WORLD_LOCAL_RANK") ?? 0, Read("OMPI_COMM_WORLD_LOCAL_SIZE") ?? ompiSize, "mpirun");
        }

        if (variable("SLURM_STEP_ID") is not null && Read("SLURM_STEP_NUM_TASKS") is { } tasks && Read("SLURM_PROCID") is { } procId)
        {
            var local = Read("SLURM_LOCALID") ?? 0;
            return new(procId, tasks, local, LocalTasks(variable("SLURM_STEP_TASKS_PER_NODE")) ?? tasks, "srun");
        }

        if (Read("PMI_SIZE") is { } pmiSize && (Read("PMI_RANK") ?? Read("PMIX_RANK")) is { } pmiRank)
        {
            return new(pmiRank, pmiSize, Read("MPI_LOCALRANKID") ?? 0, Read("MPI_LOCALNRANKS") ?? pmiSize, "PMI");
        }

        return null;
    }

    /// <summary>The first node's count in Slurm's <c>2(x3),1</c> notation.</summary>
    private static int? LocalTasks(string? tasksPerNode)
    {
        var first = tasksPerNode?.Split(',')[0].Split('(')[0];
        return int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : null;
    }
}

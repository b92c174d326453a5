using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.Sweeps;

/// <summary>The <c>sweep.slurm:</c> section: how the job array is submitted.</summary>
public sealed class SlurmDefinition
{
    [Description("Partition (sbatch --partition); default: the cluster's default partition.")]
    public string? Partition { get; set; }

    [Range(1, 1024), Description("CPUs per trial (sbatch --cpus-per-task); also the trial's torch threads.")]
    public int CpusPerTask { get; set; } = 1;

    [Range(1, 4096), Description("Ranks of each trial (sbatch --ntasks): with more than one, srun starts them and each trial trains data-parallel.")]
    public int TasksPerTrial { get; set; } = 1;

    [Description("srun arguments for trials of several tasks; Open MPI joins srun's tasks through PMIx.")]
    public List<string> SrunArgs { get; set; } = ["--mpi=pmix"];

    [Description("Time limit per trial (sbatch --time), e.g. 02:00:00; default: the partition's.")]
    public string? Time { get; set; }

    [Range(1, 10_000), Description("Most array tasks running at once (sbatch --array=...%N); default: no limit.")]
    public int? MaxConcurrent { get; set; }

    [Range(0.1, 3600), Description("Seconds between squeue polls while following the array.")]
    public double PollSeconds { get; set; } = 2;

    [Description("Extra sbatch arguments, e.g. [--gres=gpu:1, --mem=8G].")]
    public List<string> ExtraArgs { get; set; } = [];
}

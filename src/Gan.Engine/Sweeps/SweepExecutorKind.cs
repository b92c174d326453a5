namespace Gan.Engine.Sweeps;

/// <summary>Where trials run.</summary>
public enum SweepExecutorKind
{
    /// <summary>Separate <c>gan</c> processes on this machine, <c>parallel</c> at a time.</summary>
    Local,

    /// <summary>A Slurm job array (<c>sbatch --array</c>), one task per trial.</summary>
    Slurm,
}

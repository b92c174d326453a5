using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.Experiments;

/// <summary>The <c>distributed:</c> section: data-parallel training over MPI ranks started by mpirun or srun.</summary>
public sealed class DistributedDefinition
{
    [Description("auto: data-parallel when mpirun or srun started more than one rank; on: always through MPI (also with one rank); off: never (every process would train alone).")]
    public DistributedMode Enabled { get; set; } = DistributedMode.Auto;

    [Range(1, 4096), Description("Gradients are averaged in buckets of this many megabytes: a few large all-reduce calls per step rather than one per tensor.")]
    public int BucketMb { get; set; } = 25;
}

/// <summary>Whether a run trains data-parallel.</summary>
public enum DistributedMode
{
    /// <summary>When a launcher started more than one rank.</summary>
    Auto,

    /// <summary>Always through MPI.</summary>
    On,

    /// <summary>Never.</summary>
    Off,
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.Health;

/// <summary>The <c>health:</c> section: the monitor that watches every stage for the silent ways GANs fail.</summary>
public sealed class HealthDefinition
{
    [Description("Run the health monitor at all.")]
    public bool Enabled { get; set; } = true;

    [Range(1, long.MaxValue), Description("Check the networks' weights for NaN/Inf and measure sample diversity every N steps.")]
    public long CheckEvery { get; set; } = 50;

    [Range(1, long.MaxValue), Description("Save a 'last-good' copy of the networks (weights checked finite first) every N steps; kept when training diverges.")]
    public long SnapshotEvery { get; set; } = 500;

    [Range(1, 1_000_000), Description("Steps the discriminator must keep winning before the warning (averages over this window).")]
    public int Window { get; set; } = 200;

    [Range(0.0, 10.0), Description("Discriminator winning: mean discriminator loss over the window below this (losses bounded below by 0 only).")]
    public double DLossBelow { get; set; } = 0.05;

    [Range(0.0, 1.0), Description("Discriminator winning: mean discriminator accuracy over the window at or above this.")]
    public double DAccAbove { get; set; } = 0.99;

    [Description("Per-step value holding the discriminator's loss, for trainers that declare no player pairs (built against contracts 1.0).")]
    public string DiscriminatorLossKey { get; set; } = "d_loss";

    [Description("Per-step value holding the discriminator's accuracy, for trainers that declare no player pairs (built against contracts 1.0).")]
    public string DiscriminatorAccuracyKey { get; set; } = "d_acc";

    [Range(2, 4096), Description("Fixed latent vectors whose outputs' mean pairwise distance measures the generator's diversity.")]
    public int DiversitySamples { get; set; } = 64;

    [Range(0.0, 1.0), Description("Generator collapse: diversity below this fraction of its peak so far.")]
    public double CollapseRatio { get; set; } = 0.4;

    [Range(0, long.MaxValue), Description("Diversity measured before this step does not set the peak (the untrained generator's noise is not a reference).")]
    public long CollapseWarmupSteps { get; set; } = 200;
}

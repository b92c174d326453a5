using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>Options every loss in the catalogue accepts.</summary>
public abstract class AdversarialLossOptions
{
    [Range(0.0, 1000.0), Description("R1 penalty weight γ on real samples, γ/2·E[‖∇D(x)‖²] (Mescheder et al. 2018); 0 = off.")]
    public double R1Gamma { get; set; }

    [Range(1, 100), Description("Discriminator updates per generator update; default: the loss's own (5 for WGAN variants, else 1).")]
    public int? DiscriminatorSteps { get; set; }
}

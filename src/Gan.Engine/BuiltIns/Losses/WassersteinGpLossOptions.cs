using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>Options of the <c>wgan-gp</c> loss.</summary>
public sealed class WassersteinGpLossOptions : AdversarialLossOptions
{
    [Range(0.0, 1000.0), Description("Gradient penalty weight λ on random interpolates of real and fake samples (the paper's λ = 10).")]
    public double Lambda { get; set; } = 10.0;
}

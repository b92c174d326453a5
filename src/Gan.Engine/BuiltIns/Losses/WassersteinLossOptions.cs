using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>Options of the <c>wgan</c> loss.</summary>
public sealed class WassersteinLossOptions : AdversarialLossOptions
{
    [Range(1e-6, 10.0), Description("Critic weights are clipped to [-c, c] after every critic step (the paper's c = 0.01).")]
    public double ClipValue { get; set; } = 0.01;
}

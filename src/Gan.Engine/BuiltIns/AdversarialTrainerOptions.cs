using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.BuiltIns;

/// <summary>Options of the <c>adversarial</c> trainer.</summary>
public sealed class AdversarialTrainerOptions
{
    [Description("The model: role of the generator.")]
    public string Generator { get; set; } = "generator";

    [Description("The model: role of the discriminator.")]
    public string Discriminator { get; set; } = "discriminator";

    [Range(1, 100), Description("Discriminator updates per generator update; default: the loss's own (5 for WGAN, else 1).")]
    public int? DiscriminatorSteps { get; set; }
}

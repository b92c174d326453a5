using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Text.Training;

/// <summary>Options of the <c>seqgan</c> trainer.</summary>
public sealed class SeqGanTrainerOptions
{
    /// <summary>The generator's role in <c>model:</c>.</summary>
    [Description("The generator's role in model:.")]
    public string Generator { get; set; } = "generator";

    /// <summary>The discriminator's role in <c>model:</c>.</summary>
    [Description("The discriminator's role in model:.")]
    public string Discriminator { get; set; } = "discriminator";

    /// <summary>Discriminator updates per generator update; default: the loss's own (1 for minimax).</summary>
    [Description("Discriminator updates per generator update; default: what the loss asks for (1 for minimax).")]
    [Range(1, 100)]
    public int? DiscriminatorSteps { get; set; }

    /// <summary>Weight of the policy-gradient (adversarial) term in the generator's loss.</summary>
    [Description("Weight of the policy-gradient term in the generator's loss.")]
    [Range(0.0, 1e6)]
    public double AdversarialWeight { get; set; } = 1.0;

    /// <summary>Weight of the teacher-forced MLE term on the real pairs mixed into the generator's loss (0: pure SeqGAN).</summary>
    [Description("Weight of the teacher-forced MLE term on real pairs mixed into the generator's loss; keeps training stable (0: pure policy gradient).")]
    [Range(0.0, 1e6)]
    public double MleWeight { get; set; } = 1.0;

    /// <summary>Decay of the moving-average reward baseline: b ← decay·b + (1−decay)·mean reward.</summary>
    [Description("Decay of the moving-average reward baseline b ← decay·b + (1−decay)·mean(reward).")]
    [Range(0.0, 0.9999)]
    public double BaselineDecay { get; set; } = 0.9;

    /// <summary>Softmax temperature of the answers sampled for the policy gradient.</summary>
    [Description("Softmax temperature of the answers sampled for the policy gradient.")]
    [Range(0.01, 100.0)]
    public double Temperature { get; set; } = 1.0;

}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Text.Training;

/// <summary>Options of the <c>pair-discriminator</c> trainer.</summary>
public sealed class PairDiscriminatorTrainerOptions
{
    /// <summary>The generator's role in <c>model:</c>.</summary>
    [Description("The generator's role in model: (it writes the fake answers; it is not trained here).")]
    public string Generator { get; set; } = "generator";

    /// <summary>The discriminator's role in <c>model:</c>.</summary>
    [Description("The discriminator's role in model:.")]
    public string Discriminator { get; set; } = "discriminator";

    /// <summary>How fake answers are decoded; sampling matches what the adversarial stage shows the discriminator.</summary>
    [Description("sample (as the adversarial stage does) or greedy.")]
    public FakeAnswerDecoding FakeDecoding { get; set; } = FakeAnswerDecoding.Sample;

    /// <summary>Softmax temperature of sampled fake answers.</summary>
    [Description("Softmax temperature when sampling fake answers.")]
    [Range(0.01, 100.0)]
    public double Temperature { get; set; } = 1.0;
}

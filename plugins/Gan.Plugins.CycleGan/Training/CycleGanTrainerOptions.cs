using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Abstractions;

namespace Gan.Plugins.CycleGan.Training;

/// <summary>Options of the <c>cyclegan</c> trainer (names and defaults as the reference's train options).</summary>
public sealed class CycleGanTrainerOptions
{
    /// <summary>Model role both generators are built from (instances G_A and G_B).</summary>
    [Description("Model role of the two generators (instances G_A: A→B and G_B: B→A).")]
    public string Generator { get; set; } = "generator";

    /// <summary>Model role both discriminators are built from (instances D_A and D_B).</summary>
    [Description("Model role of the two discriminators (instances D_A judges domain B, D_B judges domain A).")]
    public string Discriminator { get; set; } = "discriminator";

    /// <summary>Weight of the cycle loss A → B → A.</summary>
    [OptionName("lambda_A"), Range(0.0, 1e6), Description("Weight of the cycle loss A→B→A (the paper: 10).")]
    public double LambdaA { get; set; } = 10.0;

    /// <summary>Weight of the cycle loss B → A → B.</summary>
    [OptionName("lambda_B"), Range(0.0, 1e6), Description("Weight of the cycle loss B→A→B (the paper: 10).")]
    public double LambdaB { get; set; } = 10.0;

    /// <summary>Identity loss weight relative to the cycle weights.</summary>
    [OptionName("lambda_identity"), Range(0.0, 1e6), Description("Identity loss weight as a fraction of lambda_A/lambda_B (the paper: 0.5; 0 turns it off).")]
    public double LambdaIdentity { get; set; } = 0.5;

    /// <summary>Fakes buffered per discriminator.</summary>
    [OptionName("pool_size"), Range(0, 100_000), Description("Earlier fakes buffered per discriminator (the paper: 50; 0 turns the pool off).")]
    public int PoolSize { get; set; } = 50;

    /// <summary>Multiplier of the loss strategy's discriminator loss.</summary>
    [OptionName("d_loss_scale"), Range(0.0, 1e6), Description(
        "Multiplier of the loss's discriminator term. The catalogue's lsgan already halves it as the reference does, so 1; use 0.5 with losses that sum the real and fake terms.")]
    public double DLossScale { get; set; } = 1.0;
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Sequences.Networks;

/// <summary>Options of the <c>lstm</c> generator (RGAN / C-RNN-GAN style).</summary>
public sealed class LstmGeneratorOptions
{
    /// <summary>Time steps T of the generated sequences; must match the data's sequence_length.</summary>
    [Description("Time steps T of generated sequences; must match the data's sequence_length.")]
    [Range(1, 100_000)]
    public int SequenceLength { get; set; } = 64;

    /// <summary>Noise values drawn per time step; also the size of the per-sequence code.</summary>
    [Description("Noise values per time step, and the size of the per-sequence code (latent (T + 1, noise_dim); (T, noise_dim) with sequence_latent: none).")]
    [Range(1, 10_000)]
    public int NoiseDim { get; set; } = 8;

    /// <summary>LSTM hidden units per layer.</summary>
    [Description("LSTM hidden units per layer.")]
    [Range(1, 100_000)]
    public int HiddenSize { get; set; } = 64;

    /// <summary>Stacked LSTM layers.</summary>
    [Description("Stacked LSTM layers.")]
    [Range(1, 64)]
    public int NumLayers { get; set; } = 2;

    /// <summary>Feed each step's output back as an input of the next step (C-RNN-GAN), besides that step's noise.</summary>
    [Description("Feed each step's output back into the next step's input beside the noise (C-RNN-GAN); slower, one LSTM call per step.")]
    public bool Feedback { get; set; }

    /// <summary>
    /// A latent code drawn once per sequence, beside the per-step noise: phase and amplitude are properties of the
    /// whole sequence, which per-step noise alone can only fix gradually. With it the latent is (T + 1, noise_dim):
    /// row 0 is the sequence's code, rows 1..T the per-step noise. Initial state by default: on the sine GAN it
    /// converged with every seed tried, per-step noise alone (none) not with all of them (docs/sequences.md).
    /// </summary>
    [Description("A latent code per sequence beside the per-step noise: initial_state (default; sets the LSTM's initial states), input (concatenated to every step) or none (RGAN). Not none: the latent is (T + 1, noise_dim), row 0 the code.")]
    public SequenceLatent SequenceLatent { get; set; } = SequenceLatent.InitialState;

    /// <summary>
    /// The last activation. Linear by default: data scaled to [-1, 1] (unit sines, min_max) has its peaks where
    /// tanh saturates, so a tanh generator gets vanishing gradients exactly there and drifts towards square waves.
    /// </summary>
    [Description("linear (default) or tanh (outputs in (-1, 1); saturates at the peaks of data scaled to [-1, 1]).")]
    public OutputActivation Output { get; set; } = OutputActivation.Linear;
}

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

    /// <summary>Noise values drawn per time step.</summary>
    [Description("Noise values per time step (the latent is (T, noise_dim)).")]
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

    /// <summary>The last activation.</summary>
    [Description("tanh (outputs in (-1, 1), for min_max data and unit sines) or linear.")]
    public OutputActivation Output { get; set; } = OutputActivation.Tanh;
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Sequences.Networks;

/// <summary>Options of the <c>lstm</c> discriminator.</summary>
public sealed class LstmDiscriminatorOptions
{
    /// <summary>LSTM hidden units per layer (and direction).</summary>
    [Description("LSTM hidden units per layer and direction.")]
    [Range(1, 100_000)]
    public int HiddenSize { get; set; } = 64;

    /// <summary>Stacked LSTM layers.</summary>
    [Description("Stacked LSTM layers.")]
    [Range(1, 64)]
    public int NumLayers { get; set; } = 2;

    /// <summary>Read the sequence in both directions, so every step's score sees the whole sequence (C-RNN-GAN).</summary>
    [Description("Bidirectional LSTM (C-RNN-GAN): every step's score sees the whole sequence.")]
    public bool Bidirectional { get; set; } = true;
}

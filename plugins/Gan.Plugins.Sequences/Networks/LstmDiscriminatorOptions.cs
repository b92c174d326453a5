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

    /// <summary>
    /// Give every step a second input: the standard deviation of the batch at that step (Karras et al. 2018's
    /// minibatch standard deviation, per time step). A generator that collapses onto one phase makes batches with
    /// almost no spread at any step, which a discriminator reading one sequence at a time cannot see. On by
    /// default: without it the sine GAN collapsed in every configuration tried (docs/sequences.md).
    /// </summary>
    [Description("Add the batch's standard deviation at each step as a second input channel (minibatch std, Karras et al. 2018): lets the discriminator see a generator collapsed onto one phase.")]
    public bool MinibatchStd { get; set; } = true;
}

namespace Gan.Plugins.Sequences.Networks;

/// <summary>How the <c>lstm</c> generator receives a latent code drawn once per sequence, beside its per-step noise.</summary>
public enum SequenceLatent
{
    /// <summary>Per-step noise only (RGAN): every sequence-wide property (phase, amplitude) has to be read from the noise as it arrives.</summary>
    None,

    /// <summary>The code sets the LSTM's initial hidden and cell states of every layer, through a linear map and tanh.</summary>
    InitialState,

    /// <summary>The code is concatenated to every step's noise.</summary>
    Input,
}

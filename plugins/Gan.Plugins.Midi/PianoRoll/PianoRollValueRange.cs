namespace Gan.Plugins.Midi.PianoRoll;

/// <summary>How on/off cells are encoded in tensors; must match the generator's output activation.</summary>
public enum PianoRollValueRange
{
    /// <summary>Off = -1, on = +1: for a tanh generator (the default). Binarised at 0.</summary>
    Symmetric,

    /// <summary>Off = 0, on = 1: for a sigmoid generator. Binarised at 0.5.</summary>
    Unit,
}

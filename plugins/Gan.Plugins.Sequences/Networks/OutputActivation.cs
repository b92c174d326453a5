namespace Gan.Plugins.Sequences.Networks;

/// <summary>The generator's last activation.</summary>
public enum OutputActivation
{
    /// <summary>Values in (-1, 1): bounded like min_max-scaled data, but saturating at its extremes.</summary>
    Tanh,

    /// <summary>Unbounded values (C-RNN-GAN's linear output): any scaling, peaks included.</summary>
    Linear,
}

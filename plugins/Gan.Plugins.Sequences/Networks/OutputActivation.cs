namespace Gan.Plugins.Sequences.Networks;

/// <summary>The generator's last activation.</summary>
public enum OutputActivation
{
    /// <summary>Values in (-1, 1): matches min_max-scaled data and unit sines.</summary>
    Tanh,

    /// <summary>Unbounded values (C-RNN-GAN's linear output): for standard-scaled data.</summary>
    Linear,
}

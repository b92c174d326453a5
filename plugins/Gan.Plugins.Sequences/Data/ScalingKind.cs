namespace Gan.Plugins.Sequences.Data;

/// <summary>How a series is scaled before training.</summary>
public enum ScalingKind
{
    /// <summary>Linear map of the training part's [min, max] onto [-1, 1] (the range of a Tanh generator).</summary>
    MinMax,

    /// <summary>Subtract the training part's mean, divide by its standard deviation.</summary>
    Standard,

    /// <summary>Values used as they are.</summary>
    None,
}

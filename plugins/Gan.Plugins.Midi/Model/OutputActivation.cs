namespace Gan.Plugins.Midi.Model;

/// <summary>The generator's last activation; it must match the data source's <c>value_range</c>.</summary>
public enum OutputActivation
{
    /// <summary>Values in [-1, 1], binarised at 0 (data <c>value_range: symmetric</c>).</summary>
    Tanh,

    /// <summary>Values in [0, 1], binarised at 0.5 (data <c>value_range: unit</c>).</summary>
    Sigmoid,
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Midi.Metrics;

/// <summary>Options of the <c>musegan-metrics</c> metric.</summary>
public sealed class MuseGanMetricOptions
{
    /// <summary>The model: role of the generator.</summary>
    [Description("The model: role of the generator.")]
    public string Generator { get; set; } = "generator";

    /// <summary>Generated segments evaluated.</summary>
    [Description("Generated segments evaluated each time (fixed latent vectors).")]
    [Range(1, 100_000)]
    public int Samples { get; set; } = 64;

    /// <summary>Real segments evaluated once.</summary>
    [Description("Real training segments evaluated (once; their values are logged with every evaluation for comparison).")]
    [Range(1, 1_000_000)]
    public int RealSamples { get; set; } = 256;

    /// <summary>Minimum length of a qualified note.</summary>
    [Description("QN: notes of at least this many time steps count as qualified (MuseGAN: 3).")]
    [Range(1, 1000)]
    public int QualifiedNoteSteps { get; set; } = 3;

    /// <summary>Weight of drum cells one step off the grid.</summary>
    [Description("DP: weight of drum cells one step off the sixteenth-note grid (reference code: 0.1).")]
    [Range(0.0, 1.0)]
    public double DrumTolerance { get; set; } = 0.1;

    /// <summary>The on/off cut-off; default the middle of the data's range.</summary>
    [Description("Binarisation threshold on the generator's output; default the middle of the data's value range.")]
    public double? Threshold { get; set; }
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Midi.Samples;

/// <summary>Options of the <c>midi-samples</c> renderer.</summary>
public sealed class MidiSamplesOptions
{
    /// <summary>The model: role of the generator.</summary>
    [Description("The model: role of the generator.")]
    public string Generator { get; set; } = "generator";

    /// <summary>Segments rendered (from a fixed set of latents).</summary>
    [Description("Segments rendered each time, from the same fixed latent vectors; played one after another in the .mid.")]
    [Range(1, 256)]
    public int Count { get; set; } = 4;

    /// <summary>Tempo of the written file.</summary>
    [Description("Tempo of the written MIDI file in quarter notes per minute.")]
    [Range(10.0, 400.0)]
    public double Tempo { get; set; } = 100;

    /// <summary>Velocity of every note.</summary>
    [Description("Velocity of every note (a binary piano-roll has none of its own).")]
    [Range(1, 127)]
    public int Velocity { get; set; } = 100;

    /// <summary>Bars of silence between segments.</summary>
    [Description("Bars of silence between consecutive segments in the .mid.")]
    [Range(0, 16)]
    public int GapBars { get; set; } = 1;

    /// <summary>The on/off cut-off; default the middle of the data's range.</summary>
    [Description("Binarisation threshold on the generator's output; default the middle of the data's value range (0 for tanh, 0.5 for sigmoid).")]
    public double? Threshold { get; set; }

    /// <summary>Artifact key.</summary>
    [Description("Artifact name: samples/<stage>/<key>_stepNNNNNNNN.mid and the image <key> in the MLflow gallery.")]
    public string Key { get; set; } = "midi";

    /// <summary>Pixels per time step in the PNG.</summary>
    [Description("PNG pixels per time step.")]
    [Range(1, 16)]
    public int PixelWidth { get; set; } = 2;

    /// <summary>Pixels per pitch in the PNG.</summary>
    [Description("PNG pixels per pitch.")]
    [Range(1, 16)]
    public int PixelHeight { get; set; } = 2;
}

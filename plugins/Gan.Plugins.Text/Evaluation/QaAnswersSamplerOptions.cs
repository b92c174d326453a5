using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Plugins.Text.Networks;

namespace Gan.Plugins.Text.Evaluation;

/// <summary>Options of the <c>qa-answers</c> sample renderer.</summary>
public sealed class QaAnswersSamplerOptions
{
    /// <summary>The generator's role in <c>model:</c>.</summary>
    [Description("The generator's role in model:.")]
    public string Generator { get; set; } = "generator";

    /// <summary>How many held-out questions are answered (the first ones in file order, the same every time).</summary>
    [Description("Held-out questions answered each time: the first ones in file order, the same every time.")]
    [Range(1, 100_000)]
    public int Count { get; set; } = 20;

    /// <summary>The decoding method.</summary>
    [Description("greedy, beam or sample.")]
    public DecodingMethod Decoding { get; set; } = DecodingMethod.Greedy;

    /// <summary>Beam width for beam decoding.</summary>
    [Description("Beam width for decoding: beam.")]
    [Range(1, 100)]
    public int BeamSize { get; set; } = 4;

    /// <summary>Temperature for sampled decoding.</summary>
    [Description("Softmax temperature for decoding: sample.")]
    [Range(0.01, 100.0)]
    public double Temperature { get; set; } = 0.8;

    /// <summary>Top-k for sampled decoding (0: the whole vocabulary).</summary>
    [Description("Sample among the k most likely tokens for decoding: sample (0: all).")]
    [Range(0, 1_000_000)]
    public int TopK { get; set; } = 10;

    /// <summary>The artifact's key (file name stem).</summary>
    [Description("Artifact key: files are samples/<stage>/<key>_stepNNNNNNNN.txt.")]
    [Required]
    public string Key { get; set; } = "answers";
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Plugins.Text.Networks;

namespace Gan.Plugins.Text.Evaluation;

/// <summary>Options of the <c>qa-text-metrics</c> metric.</summary>
public sealed class QaTextMetricOptions
{
    /// <summary>The generator's role in <c>model:</c>.</summary>
    [Description("The generator's role in model:.")]
    public string Generator { get; set; } = "generator";

    /// <summary>Held-out pairs evaluated (the first ones of the split, in file order); 0 for all.</summary>
    [Description("Held-out pairs evaluated, the first ones in file order; 0 for all.")]
    [Range(0, int.MaxValue)]
    public int MaxPairs { get; set; }

    /// <summary>How answers are decoded for BLEU and distinct-n.</summary>
    [Description("greedy or beam (sample would make BLEU noisy).")]
    public DecodingMethod Decoding { get; set; } = DecodingMethod.Greedy;

    /// <summary>Beam width when <see cref="Decoding"/> is beam.</summary>
    [Description("Beam width for decoding: beam.")]
    [Range(1, 100)]
    public int BeamSize { get; set; } = 4;
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Sequences.Metrics;

/// <summary>Options of the <c>sequence-distribution</c> metric.</summary>
public sealed class SequenceDistributionOptions
{
    /// <summary>The model: role of the generator.</summary>
    [Description("The model: role of the generator.")]
    public string Generator { get; set; } = "generator";

    /// <summary>Generated and real sequences compared.</summary>
    [Description("Sequences compared on each side (real ones from the Validation split).")]
    [Range(2, 100_000)]
    public int Count { get; set; } = 256;

    /// <summary>Stages the metric runs in; empty = all.</summary>
    [Description("Stage names the metric runs in; empty = every stage.")]
    public List<string> Stages { get; set; } = [];
}

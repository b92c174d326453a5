using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Sequences.Metrics;

/// <summary>Options of the <c>prediction-mse</c> metric.</summary>
public sealed class PredictionMseOptions
{
    /// <summary>The model: role of the predictor.</summary>
    [Description("The model: role of the predictor.")]
    public string Predictor { get; set; } = "predictor";

    /// <summary>Validation sequences evaluated.</summary>
    [Description("Validation sequences evaluated (the first ones of the split).")]
    [Range(1, 1_000_000)]
    public int Count { get; set; } = 256;

    /// <summary>Stages the metric runs in; empty = all.</summary>
    [Description("Stage names the metric runs in; empty = every stage.")]
    public List<string> Stages { get; set; } = [];
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Sequences.Networks;

/// <summary>Options of the <c>lstm-predictor</c> network; the defaults are the classic sine example's.</summary>
public sealed class LstmPredictorOptions
{
    /// <summary>Past values the network sees to predict the next one.</summary>
    [Description("Past values per prediction (the classic example's window of 10).")]
    [Range(1, 10_000)]
    public int Window { get; set; } = 10;

    /// <summary>LSTM hidden units per layer.</summary>
    [Description("LSTM hidden units per layer.")]
    [Range(1, 100_000)]
    public int HiddenSize { get; set; } = 50;

    /// <summary>Stacked LSTM layers.</summary>
    [Description("Stacked LSTM layers.")]
    [Range(1, 64)]
    public int NumLayers { get; set; } = 2;

    /// <summary>Dropout between LSTM layers.</summary>
    [Description("Dropout between stacked LSTM layers (0 = none).")]
    [Range(0.0, 0.99)]
    public double Dropout { get; set; }
}

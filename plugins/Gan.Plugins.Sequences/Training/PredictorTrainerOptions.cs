using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Sequences.Training;

/// <summary>Options of the <c>predictor</c> trainer.</summary>
public sealed class PredictorTrainerOptions
{
    /// <summary>The model: role of the predictor network.</summary>
    [Description("The model: role of the predictor network.")]
    public string Predictor { get; set; } = "predictor";

    /// <summary>Windows used per step, drawn at random from the batch's; 0 = all.</summary>
    [Description("Windows per step, drawn at random from all the batch's windows (0 = use them all).")]
    [Range(0, 10_000_000)]
    public int WindowsPerStep { get; set; }
}

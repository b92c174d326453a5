using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Sequences.Plotting;

/// <summary>Options of the <c>prediction-plot</c> sample renderer.</summary>
public sealed class PredictionPlotOptions
{
    /// <summary>The model: role of the predictor.</summary>
    [Description("The model: role of the predictor.")]
    public string Predictor { get; set; } = "predictor";

    /// <summary>Validation sequences plotted, one panel each.</summary>
    [Description("Validation sequences plotted, one panel each.")]
    [Range(1, 16)]
    public int Count { get; set; } = 3;

    /// <summary>Image width in pixels.</summary>
    [Description("Image width in pixels.")]
    [Range(200, 4000)]
    public int Width { get; set; } = 900;

    /// <summary>Height of each panel in pixels.</summary>
    [Description("Height of each panel in pixels.")]
    [Range(100, 2000)]
    public int PanelHeight { get; set; } = 240;

    /// <summary>Image key in the tracker.</summary>
    [Description("Image key in the tracker (the MLflow UI groups images by it).")]
    public string Key { get; set; } = "prediction";

    /// <summary>Stages the renderer runs in; empty = all.</summary>
    [Description("Stage names the renderer runs in; empty = every stage.")]
    public List<string> Stages { get; set; } = [];
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.BuiltIns;

/// <summary>Options of the <c>image-grid</c> sample renderer.</summary>
public sealed class ImageGridOptions
{
    [Description("The model: role of the generator to sample.")]
    public string Generator { get; set; } = "generator";

    [Range(1, 64), Description("Images per row.")]
    public int Columns { get; set; } = 8;

    [Range(1, 64), Description("Rows of images.")]
    public int Rows { get; set; } = 8;

    [Range(0, 16), Description("Pixels between images.")]
    public int Padding { get; set; } = 2;

    [Range(1, 16), Description("Each pixel drawn as an N×N block, so small images stay visible.")]
    public int Scale { get; set; } = 2;

    [Description("Image key in the tracker (the MLflow UI groups images by it).")]
    public string Key { get; set; } = "samples";
}

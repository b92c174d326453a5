using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.CycleGan.Tools;

/// <summary>Options of <c>gan make-shapes-dataset</c>.</summary>
internal sealed class MakeShapesDatasetOptions
{
    [Required, Description("Folder to write trainA, trainB, testA and testB into (given bare, or as --directory).")]
    public string Directory { get; set; } = "";

    [Range(8, 4096), Description("Side of the square images in pixels.")]
    public int Size { get; set; } = 32;

    [Range(1, 1_000_000), Description("Training images per domain.")]
    public int Train { get; set; } = 200;

    [Range(1, 1_000_000), Description("Test images per domain.")]
    public int Test { get; set; } = 8;

    [Description("Seed of the shapes drawn; the same seed writes the same files.")]
    public int Seed { get; set; }
}

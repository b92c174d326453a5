using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.CycleGan.Samples;

/// <summary>Options of the <c>cyclegan-grid</c> sample renderer.</summary>
public sealed class CycleGanGridOptions
{
    /// <summary>Fixed test images per domain (columns of the grid).</summary>
    [Range(1, 64), Description("Fixed test images per domain: the grid's columns.")]
    public int Count { get; set; } = 4;

    /// <summary>Model role of the generators.</summary>
    [Description("Model role of the generators (instances G_A and G_B).")]
    public string Generator { get; set; } = "generator";

    /// <summary>Artifact key of the grid.</summary>
    [Description("Image key in the tracker (samples/KEY_stepN.png).")]
    public string Key { get; set; } = "cyclegan";

    /// <summary>Pixels between cells.</summary>
    [Range(0, 64), Description("Pixels between the grid's cells.")]
    public int Padding { get; set; } = 2;

    /// <summary>Integer up-scaling of each cell (nearest neighbour), for small images.</summary>
    [Range(1, 16), Description("Integer up-scaling of each cell, for small images.")]
    public int Scale { get; set; } = 1;
}

using System.ComponentModel.DataAnnotations;

namespace Acme.Gan.Plugin;

/// <summary>Options of the <c>example-mode-coverage</c> metric.</summary>
public sealed class ModeCoverageOptions
{
    /// <summary>Generated points per evaluation.</summary>
    [Range(1, 1_000_000)]
    public int Samples { get; set; } = 1000;

    /// <summary>Blobs on the circle; must match the data source's <c>modes</c>.</summary>
    [Range(1, 1000)]
    public int Modes { get; set; } = 8;

    /// <summary>A point belongs to a blob when it is closer to its centre than this.</summary>
    [Range(0.0, 10.0)]
    public double Radius { get; set; } = 0.15;

    /// <summary>Network role of the generator to evaluate.</summary>
    public string Generator { get; set; } = "generator";
}

using System.ComponentModel.DataAnnotations;

namespace Acme.Gan.Plugin;

/// <summary>Options of the <c>example-blobs</c> data source (YAML keys are the snake_case property names).</summary>
public sealed class BlobsOptions
{
    /// <summary>How many Gaussian blobs sit on the unit circle.</summary>
    [Range(1, 1000)]
    public int Modes { get; set; } = 8;

    /// <summary>Standard deviation of each blob.</summary>
    [Range(0.0, 1.0)]
    public double Spread { get; set; } = 0.05;

    /// <summary>Points per epoch.</summary>
    [Range(1, int.MaxValue)]
    public int Count { get; set; } = 4096;

    /// <summary>Points per batch.</summary>
    [Range(1, 65536)]
    public int BatchSize { get; set; } = 128;
}

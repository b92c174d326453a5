using System.ComponentModel.DataAnnotations;

namespace Acme.Gan.Plugin;

/// <summary>Options of the <c>example-mlp</c> generator.</summary>
public sealed class MlpGeneratorOptions
{
    /// <summary>Size of the noise vector.</summary>
    [Range(1, 4096)]
    public int LatentDim { get; set; } = 8;

    /// <summary>Width of the two hidden layers.</summary>
    [Range(1, 65536)]
    public int Hidden { get; set; } = 64;
}

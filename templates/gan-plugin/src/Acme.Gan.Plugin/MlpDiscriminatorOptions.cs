using System.ComponentModel.DataAnnotations;

namespace Acme.Gan.Plugin;

/// <summary>Options of the <c>example-mlp</c> discriminator.</summary>
public sealed class MlpDiscriminatorOptions
{
    /// <summary>Width of the two hidden layers.</summary>
    [Range(1, 65536)]
    public int Hidden { get; set; } = 64;

    /// <summary>Negative slope of the LeakyReLU activations.</summary>
    [Range(0.0, 1.0)]
    public double LeakySlope { get; set; } = 0.2;
}

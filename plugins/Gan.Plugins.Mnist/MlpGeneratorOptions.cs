using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Mnist;

/// <summary>Options of the <c>mnist-mlp</c> generator; the defaults are the classic tutorial's.</summary>
public sealed class MlpGeneratorOptions : IValidatableObject
{
    /// <summary>Size of the latent vector.</summary>
    [Description("Size of the latent (noise) vector.")]
    [Range(1, 1_000_000)]
    public int LatentDim { get; set; } = 100;

    /// <summary>Widths of the hidden layers, input side first.</summary>
    [Description("Widths of the hidden layers, from the latent side.")]
    [MinLength(1)]
    public List<int> HiddenSizes { get; set; } = [256, 512, 1024];

    /// <summary>Negative slope of the LeakyReLU activations.</summary>
    [Description("Negative slope of the LeakyReLU activations.")]
    [Range(0.0, 1.0)]
    public double LeakySlope { get; set; } = 0.2;

    /// <summary>Channels of the generated images.</summary>
    [Description("Channels of the generated images (1 for MNIST).")]
    [Range(1, 64)]
    public int Channels { get; set; } = 1;

    /// <summary>Height and width of the generated images.</summary>
    [Description("Height and width of the generated images in pixels.")]
    [Range(1, 4096)]
    public int ImageSize { get; set; } = 28;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        LayerSizes.Validate(HiddenSizes, nameof(HiddenSizes));
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Mnist;

/// <summary>Options of the <c>mnist-mlp</c> discriminator; the defaults are the classic tutorial's.</summary>
public sealed class MlpDiscriminatorOptions : IValidatableObject
{
    /// <summary>Widths of the hidden layers, image side first.</summary>
    [Description("Widths of the hidden layers, from the image side.")]
    [MinLength(1)]
    public List<int> HiddenSizes { get; set; } = [512, 256];

    /// <summary>Negative slope of the LeakyReLU activations.</summary>
    [Description("Negative slope of the LeakyReLU activations.")]
    [Range(0.0, 1.0)]
    public double LeakySlope { get; set; } = 0.2;

    /// <summary>Channels of the scored images.</summary>
    [Description("Channels of the scored images (1 for MNIST).")]
    [Range(1, 64)]
    public int Channels { get; set; } = 1;

    /// <summary>Height and width of the scored images.</summary>
    [Description("Height and width of the scored images in pixels.")]
    [Range(1, 4096)]
    public int ImageSize { get; set; } = 28;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        LayerSizes.Validate(HiddenSizes, nameof(HiddenSizes));
}

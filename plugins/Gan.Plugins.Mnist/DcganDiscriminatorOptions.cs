using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Mnist;

/// <summary>Options of the <c>mnist-dcgan</c> discriminator (DCGAN guidelines, sized for 28×28).</summary>
public sealed class DcganDiscriminatorOptions
{
    /// <summary>Feature maps of the first convolution; the second has twice as many.</summary>
    [Description("Discriminator feature maps at 14×14 (ndf); the 7×7 layer has ndf*2.")]
    [Range(1, 4096)]
    public int Ndf { get; set; } = 64;

    /// <summary>Negative slope of the LeakyReLU activations.</summary>
    [Description("Negative slope of the LeakyReLU activations (DCGAN: 0.2).")]
    [Range(0.0, 1.0)]
    public double LeakySlope { get; set; } = 0.2;

    /// <summary>Whether the hidden convolution is followed by batch norm.</summary>
    [Description("Batch norm after the second convolution, as DCGAN; turn off for wgan-gp, whose penalty is per sample.")]
    public bool BatchNorm { get; set; } = true;

    /// <summary>Channels of the scored images.</summary>
    [Description("Channels of the scored images (1 for MNIST).")]
    [Range(1, 64)]
    public int Channels { get; set; } = 1;
}

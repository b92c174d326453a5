using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Mnist;

/// <summary>Options of the <c>mnist-dcgan</c> generator (DCGAN guidelines, sized for 28×28).</summary>
public sealed class DcganGeneratorOptions
{
    /// <summary>Size of the latent vector.</summary>
    [Description("Size of the latent (noise) vector (the DCGAN paper's 100).")]
    [Range(1, 100_000)]
    public int LatentDim { get; set; } = 100;

    /// <summary>Feature maps of the last hidden layer; the 7×7 layer has twice as many.</summary>
    [Description("Generator feature maps at 14×14 (ngf); the 7×7 layer has ngf*2.")]
    [Range(1, 4096)]
    public int Ngf { get; set; } = 64;

    /// <summary>Channels of the generated images.</summary>
    [Description("Channels of the generated images (1 for MNIST).")]
    [Range(1, 64)]
    public int Channels { get; set; } = 1;
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Abstractions;

namespace Gan.Plugins.CycleGan.Networks;

/// <summary>Options of the <c>patchgan</c> discriminator (the reference's <c>--netD basic</c>/<c>n_layers</c>).</summary>
public sealed class PatchDiscriminatorOptions
{
    /// <summary>Channels of the images scored.</summary>
    [OptionName("input_nc"), Range(1, 64), Description("Channels of the images scored (3 for RGB).")]
    public int InputNc { get; set; } = 3;

    /// <summary>Filters of the first convolution.</summary>
    [Range(1, 4096), Description("Filters in the first conv layer (the paper: 64).")]
    public int Ndf { get; set; } = 64;

    /// <summary>Stride-2 conv layers; 3 gives the 70x70 receptive field.</summary>
    [OptionName("n_layers"), Range(1, 8), Description("Conv layers in the discriminator; 3 gives 70x70 patches (netD basic).")]
    public int NLayers { get; set; } = 3;

    /// <summary>Standard deviation of the normal weight initialisation.</summary>
    [OptionName("init_gain"), Range(0.0, 10.0), Description("Std of the N(0, gain) weight initialisation (the paper: 0.02).")]
    public double InitGain { get; set; } = 0.02;
}

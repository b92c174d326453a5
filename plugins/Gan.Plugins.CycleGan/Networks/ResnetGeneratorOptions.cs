using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Abstractions;

namespace Gan.Plugins.CycleGan.Networks;

/// <summary>Options of the <c>resnet_9blocks</c> and <c>resnet_6blocks</c> generators (the reference's names and defaults).</summary>
public sealed class ResnetGeneratorOptions
{
    /// <summary>Channels of the input images.</summary>
    [OptionName("input_nc"), Range(1, 64), Description("Channels of the input images (3 for RGB).")]
    public int InputNc { get; set; } = 3;

    /// <summary>Channels of the output images.</summary>
    [OptionName("output_nc"), Range(1, 64), Description("Channels of the output images (3 for RGB).")]
    public int OutputNc { get; set; } = 3;

    /// <summary>Filters of the first convolution; later layers use multiples of it.</summary>
    [Range(1, 4096), Description("Filters in the first conv layer (the paper: 64).")]
    public int Ngf { get; set; } = 64;

    /// <summary>Dropout 0.5 inside residual blocks (the reference's CycleGAN default is off: --no_dropout).</summary>
    [OptionName("use_dropout"), Description("Dropout 0.5 inside the residual blocks (CycleGAN's default: off).")]
    public bool UseDropout { get; set; }

    /// <summary>Standard deviation of the normal weight initialisation.</summary>
    [OptionName("init_gain"), Range(0.0, 10.0), Description("Std of the N(0, gain) weight initialisation (the paper: 0.02).")]
    public double InitGain { get; set; } = 0.02;
}

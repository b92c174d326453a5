using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Abstractions;

namespace Gan.Plugins.Midi.Model;

/// <summary>Options of the <c>musegan</c> discriminator. The sizes must match the data source's segments.</summary>
public sealed class MuseGanDiscriminatorOptions : IValidatableObject
{
    /// <summary>Number of tracks (input channels).</summary>
    [Description("Tracks in a segment; default: the data source's tracks (must equal them).")]
    [FromData(DataSizes.Tracks)]
    [Range(1, 16)]
    public int Tracks { get; set; } = 5;

    /// <summary>Bars per segment.</summary>
    [Description("Bars per segment (MuseGAN: 4); default: the data source's.")]
    [FromData(DataSizes.Bars)]
    [Range(1, 64)]
    public int Bars { get; set; } = 4;

    /// <summary>Time steps per bar.</summary>
    [Description("Time steps per bar (MuseGAN: 48; default: the data source's); divisible by 2^time_downsamplings.")]
    [FromData(DataSizes.StepsPerBar)]
    [Range(1, 960)]
    public int StepsPerBar { get; set; } = 48;

    /// <summary>Pitch rows.</summary>
    [Description("Pitch rows (MuseGAN: 84; default: the data source's); the product of pitch_kernels.")]
    [FromData(DataSizes.Pitches)]
    [Range(1, 128)]
    public int Pitches { get; set; } = 84;

    /// <summary>Pitch kernels as the generator's: applied in reverse (pitch classes, then octaves).</summary>
    [Description("The generator's pitch kernels ([7, 12]); the discriminator applies them in reverse: 12 pitch classes, then 7 octaves.")]
    [MinLength(1)]
    public List<int> PitchKernels { get; set; } = [7, 12];

    /// <summary>Stride-2 convolutions along time.</summary>
    [Description("Stride-2 convolutions along time inside each bar.")]
    [Range(0, 8)]
    public int TimeDownsamplings { get; set; } = 4;

    /// <summary>Channels of the first layer; later layers double it, up to 8×.</summary>
    [Description("Channels of the first layer; later layers double it, up to 8 × ndf.")]
    [Range(1, 4096)]
    public int Ndf { get; set; } = 32;

    /// <summary>Negative slope of the LeakyReLU activations.</summary>
    [Description("Negative slope of the LeakyReLU activations.")]
    [Range(0.0, 1.0)]
    public double LeakySlope { get; set; } = 0.2;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StepsPerBar % (1 << TimeDownsamplings) != 0)
        {
            yield return new ValidationResult(
                $"steps_per_bar ({StepsPerBar}) must be divisible by 2^time_downsamplings ({1 << TimeDownsamplings}).", [nameof(StepsPerBar)]);
        }

        if ((PitchKernels ?? []).Any(k => k < 1) || (PitchKernels ?? []).Aggregate(1, (a, b) => a * b) != Pitches)
        {
            yield return new ValidationResult(
                $"The product of pitch_kernels [{string.Join(", ", PitchKernels ?? [])}] must equal pitches ({Pitches}).", [nameof(PitchKernels)]);
        }
    }
}

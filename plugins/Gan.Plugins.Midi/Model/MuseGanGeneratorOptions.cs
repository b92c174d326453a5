using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Abstractions;

namespace Gan.Plugins.Midi.Model;

/// <summary>Options of the <c>musegan</c> generator. The sizes must match the data source's segments.</summary>
public sealed class MuseGanGeneratorOptions : IValidatableObject
{
    /// <summary>Size of each of the four noise parts.</summary>
    [Description("Size of each noise part (MuseGAN: 32). The latent vector is z_dim × (2 + 2 × tracks): shared, shared temporal, then per track private and private temporal.")]
    [Range(1, 4096)]
    public int ZDim { get; set; } = 32;

    /// <summary>Number of tracks.</summary>
    [Description("Tracks generated; default: the data source's tracks (must equal them).")]
    [FromData(DataSizes.Tracks)]
    [Range(1, 16)]
    public int Tracks { get; set; } = 5;

    /// <summary>Bars per segment.</summary>
    [Description("Bars per segment (MuseGAN: 4); default: the data source's.")]
    [FromData(DataSizes.Bars)]
    [Range(1, 64)]
    public int Bars { get; set; } = 4;

    /// <summary>Time steps per bar.</summary>
    [Description("Time steps per bar (MuseGAN: 48; default: the data source's); divisible by 2^time_upsamplings.")]
    [FromData(DataSizes.StepsPerBar)]
    [Range(1, 960)]
    public int StepsPerBar { get; set; } = 48;

    /// <summary>Pitch rows.</summary>
    [Description("Pitch rows (MuseGAN: 84; default: the data source's); the product of pitch_kernels.")]
    [FromData(DataSizes.Pitches)]
    [Range(1, 128)]
    public int Pitches { get; set; } = 84;

    /// <summary>Stride-2 transposed convolutions along time in each bar generator.</summary>
    [Description("Stride-2 transposed convolutions along time in each bar generator (48 = 3 × 2^4).")]
    [Range(0, 8)]
    public int TimeUpsamplings { get; set; } = 4;

    /// <summary>Pitch kernels (= strides), octaves first, then pitch classes.</summary>
    [Description("Kernel (= stride) of each transposed convolution along pitch: [7, 12] builds 7 octaves, then 12 pitch classes in each.")]
    [MinLength(1)]
    public List<int> PitchKernels { get; set; } = [7, 12];

    /// <summary>Channels of the last time layer of a bar generator; earlier layers double it.</summary>
    [Description("Channels of a bar generator's last time layer; each earlier layer doubles it (MuseGAN's bar generator starts at 512).")]
    [Range(1, 4096)]
    public int Ngf { get; set; } = 32;

    /// <summary>Hidden channels of the temporal generators.</summary>
    [Description("Hidden channels of the temporal generators (MuseGAN: 1024).")]
    [Range(1, 8192)]
    public int TemporalHidden { get; set; } = 256;

    /// <summary>The last activation.</summary>
    [Description("tanh (data value_range: symmetric) or sigmoid (value_range: unit).")]
    public OutputActivation OutputActivation { get; set; } = OutputActivation.Tanh;

    /// <summary>Length of the latent vector.</summary>
    public int LatentDim => ZDim * (2 + (2 * Tracks));

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StepsPerBar % (1 << TimeUpsamplings) != 0)
        {
            yield return new ValidationResult(
                $"steps_per_bar ({StepsPerBar}) must be divisible by 2^time_upsamplings ({1 << TimeUpsamplings}).", [nameof(StepsPerBar)]);
        }

        if ((PitchKernels ?? []).Any(k => k < 1) || (PitchKernels ?? []).Aggregate(1, (a, b) => a * b) != Pitches)
        {
            yield return new ValidationResult(
                $"The product of pitch_kernels [{string.Join(", ", PitchKernels ?? [])}] must equal pitches ({Pitches}).", [nameof(PitchKernels)]);
        }
    }
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Sequences.Data;

/// <summary>Options of the <c>sine</c> data source: x(t) = A·sin(2π·f·t + φ) + noise, t = 0…T.</summary>
public sealed class SineDataOptions : IValidatableObject
{
    /// <summary>Training sequences.</summary>
    [Description("Training sequences.")]
    [Range(1, 10_000_000)]
    public int Count { get; set; } = 1024;

    /// <summary>Validation sequences (drawn from a separate random stream).</summary>
    [Description("Validation sequences (a separate random stream of the same distribution).")]
    [Range(1, 10_000_000)]
    public int ValidationCount { get; set; } = 256;

    /// <summary>Time steps T per sequence; one more value is generated for the next-step target "y".</summary>
    [Description("Time steps T per sequence (batches are (B, T, 1)).")]
    [Range(2, 100_000)]
    public int SequenceLength { get; set; } = 64;

    /// <summary>Frequency range in cycles per time step (0.05 = a period of 20 steps).</summary>
    [Description("[min, max] frequency in cycles per time step (0.05 = period of 20 steps), drawn uniformly per sequence.")]
    public List<double> Frequency { get; set; } = [0.03, 0.07];

    /// <summary>Phase range in radians.</summary>
    [Description("[min, max] phase in radians, drawn uniformly per sequence.")]
    public List<double> Phase { get; set; } = [0, 2 * Math.PI];

    /// <summary>Amplitude range.</summary>
    [Description("[min, max] amplitude, drawn uniformly per sequence.")]
    public List<double> Amplitude { get; set; } = [1, 1];

    /// <summary>Standard deviation of the Gaussian noise added to every value.</summary>
    [Description("[min, max] standard deviation of additive Gaussian noise, drawn uniformly per sequence (0 = clean).")]
    public List<double> Noise { get; set; } = [0, 0];

    /// <summary>Sequences per batch.</summary>
    [Description("Sequences per batch; the last partial batch is kept.")]
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 32;

    /// <summary>Shuffle the training sequences every epoch.</summary>
    [Description("Shuffle every epoch, in an order fixed by the seed and the epoch number.")]
    public bool Shuffle { get; set; } = true;

    /// <summary>Seed of the synthetic data; default: the experiment's seed.</summary>
    [Description("Seed of the generated data; default: the experiment's seed.")]
    public int? Seed { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ValueRange.Validate(Frequency, nameof(Frequency), 0, 0.5)
            .Concat(ValueRange.Validate(Phase, nameof(Phase), -1e6, 1e6))
            .Concat(ValueRange.Validate(Amplitude, nameof(Amplitude), 0, 1e12))
            .Concat(ValueRange.Validate(Noise, nameof(Noise), 0, 1e12));
}

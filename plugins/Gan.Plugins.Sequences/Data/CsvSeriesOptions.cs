using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Sequences.Data;

/// <summary>Options of the <c>csv-series</c> data source: one numeric column of a CSV file, cut into sliding windows.</summary>
public sealed class CsvSeriesOptions
{
    /// <summary>The CSV file; relative paths resolve against <c>data_root</c>.</summary>
    [Description("The CSV file (header row first); relative to data_root unless absolute.")]
    [Required]
    public string Path { get; set; } = "";

    /// <summary>The header name of the value column.</summary>
    [Description("Header name of the value column (exact, else case-insensitive).")]
    [Required]
    public string Column { get; set; } = "";

    /// <summary>The field separator.</summary>
    [Description("Field separator: a single character, e.g. ',' or ';'.")]
    [StringLength(1, MinimumLength = 1)]
    public string Delimiter { get; set; } = ",";

    /// <summary>Time steps T per window; windows hold T + 1 values so "y" is the next step.</summary>
    [Description("Time steps T per window (batches are (B, T, 1)).")]
    [Range(2, 100_000)]
    public int SequenceLength { get; set; } = 32;

    /// <summary>Steps between the starts of consecutive windows.</summary>
    [Description("Steps between the starts of consecutive windows (1 = every possible window).")]
    [Range(1, 100_000)]
    public int Stride { get; set; } = 1;

    /// <summary>The share of the series, at its end, held out for validation.</summary>
    [Description("Share of the series held out for validation, taken from its end (split by time, no overlap).")]
    [Range(0.0, 0.9)]
    public double ValidationFraction { get; set; } = 0.2;

    /// <summary>Scaling fitted on the training part.</summary>
    [Description("min_max (training part onto [-1, 1]), standard (zero mean, unit variance) or none; fitted on the training part and saved as scaler.json.")]
    public ScalingKind Scaling { get; set; } = ScalingKind.MinMax;

    /// <summary>What to do with blank (or NA / NaN) cells.</summary>
    [Description("Blank or NA cells: fail (error naming the row), drop (remove the row) or interpolate (linear between neighbours).")]
    public MissingValuePolicy Missing { get; set; } = MissingValuePolicy.Fail;

    /// <summary>Windows per batch.</summary>
    [Description("Windows per batch; the last partial batch is kept.")]
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 32;

    /// <summary>Shuffle the training windows every epoch.</summary>
    [Description("Shuffle the training windows every epoch, in an order fixed by the seed and the epoch number.")]
    public bool Shuffle { get; set; } = true;
}

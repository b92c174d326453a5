namespace Gan.Plugins.Sequences.Data;

/// <summary>What the CSV source does with a blank cell (or NA / NaN) in the value column.</summary>
public enum MissingValuePolicy
{
    /// <summary>Stop with an error naming the file, row and column (the default: gaps should be a decision).</summary>
    Fail,

    /// <summary>Remove the row; later values move up, so the time step between them is no longer uniform there.</summary>
    Drop,

    /// <summary>Fill linearly between the neighbouring values; leading or trailing gaps take the nearest value.</summary>
    Interpolate,
}

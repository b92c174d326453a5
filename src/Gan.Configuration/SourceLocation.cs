namespace Gan.Configuration;

/// <summary>
/// Where a configuration value came from: a line and column in a YAML file, or a command-line
/// <c>--set</c> assignment (then <see cref="Line"/> and <see cref="Column"/> are 0 and left out of the text).
/// </summary>
/// <param name="Source">The file path as the user gave it, or <c>--set #N (text)</c> for an override.</param>
/// <param name="Line">1-based line, or 0 when the source has no lines.</param>
/// <param name="Column">1-based column, or 0 when the source has no lines.</param>
public sealed record SourceLocation(string Source, int Line, int Column)
{
    /// <summary>True when the location points into a file (it has a line and column).</summary>
    public bool HasPosition => Line > 0;

    /// <summary><c>source:line:col</c>, or just the source when there is no position.</summary>
    public override string ToString() => HasPosition ? $"{Source}:{Line}:{Column}" : Source;
}

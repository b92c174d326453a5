namespace Gan.Engine.Sweeps;

/// <summary>One trial: its number and the <c>--set</c> assignments that make it.</summary>
/// <param name="Index">Zero-based; also the Slurm array task id.</param>
/// <param name="Overrides">Assignments <c>key=value</c>, in parameter order.</param>
public sealed record SweepTrial(int Index, IReadOnlyList<string> Overrides)
{
    /// <summary>The trial's folder name inside the sweep folder.</summary>
    public string FolderName => $"trial{Index:D3}";

    /// <summary>Short text for tables: the assignments joined.</summary>
    public string Label => string.Join(" ", Overrides);
}

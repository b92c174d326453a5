namespace Gan.Abstractions;

/// <summary>
/// Implemented by an <see cref="IDataSource"/> that publishes the sizes of its samples — tracks, pitches, image
/// channels, vocabulary — so that network options marked <see cref="FromDataAttribute"/> default to them and a
/// mismatch is reported as an option error before any tensor is built (added in 1.1).
/// </summary>
public interface IDataShapeProvider
{
    /// <summary>
    /// Named sizes, by the names in <see cref="DataSizes"/> or the plugin's own. Valid after
    /// <see cref="IDataSource.PrepareAsync"/> (a vocabulary is known only once built).
    /// </summary>
    IReadOnlyDictionary<string, long> Sizes { get; }
}

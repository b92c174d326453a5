namespace Gan.Abstractions;

/// <summary>
/// Implemented by a network whose state-dict keys were renamed (for example to match the reference code it follows),
/// so that weight files and checkpoints written under its former names still load. The engine maps every key it
/// reads from such a file through <see cref="CurrentName"/> before matching it against the network's keys.
/// </summary>
public interface ILegacyParameterNames
{
    /// <summary>The current key for <paramref name="savedName"/>, a key as a file stores it; current keys map to themselves.</summary>
    string CurrentName(string savedName);
}

namespace Gan.Engine.Plugins;

/// <summary>A plugin that could not be loaded; the others keep working.</summary>
/// <param name="Name">The plugin's name (its folder name).</param>
/// <param name="Folder">The plugin's folder.</param>
/// <param name="Reason">What went wrong, in words a user can act on.</param>
public sealed record PluginLoadFailure(string Name, string Folder, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"plugin '{Name}' in {Folder}: {Reason}";
}

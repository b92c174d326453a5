namespace Gan.Engine.Plugins;

/// <summary>
/// Where plugin folders come from, in load order: the host's own <c>plugins</c> folder, each
/// <c>--plugins DIR</c>, each entry of <c>GAN_PLUGIN_PATH</c> (separated like PATH), then the experiment's
/// <c>plugins:</c> list (relative entries resolve against the experiment file's folder).
/// </summary>
public sealed class PluginSources
{
    /// <summary>The environment variable listing extra plugin folders.</summary>
    public const string EnvironmentVariable = "GAN_PLUGIN_PATH";

    /// <summary>The host's bundled plugins folder (beside the executable); may be absent.</summary>
    public string? BundledDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Folders given with <c>--plugins</c>.</summary>
    public IReadOnlyList<string> CommandLineDirectories { get; init; } = [];

    /// <summary>Folders from <see cref="EnvironmentVariable"/>.</summary>
    public IReadOnlyList<string> EnvironmentDirectories { get; init; } = FromEnvironment();

    /// <summary>Loads every source into <paramref name="catalog"/>; explicit folders must exist.</summary>
    public void LoadInto(PluginCatalog catalog)
    {
        if (BundledDirectory is not null)
        {
            catalog.LoadFrom(BundledDirectory, mustExist: false);
        }

        foreach (var dir in CommandLineDirectories.Concat(EnvironmentDirectories))
        {
            catalog.LoadFrom(dir, mustExist: true);
        }
    }

    private static List<string> FromEnvironment() =>
        (Environment.GetEnvironmentVariable(EnvironmentVariable) ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .ToList();
}

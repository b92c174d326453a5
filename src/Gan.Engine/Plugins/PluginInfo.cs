namespace Gan.Engine.Plugins;

/// <summary>A plugin the catalog loaded.</summary>
/// <param name="Name">The plugin's assembly name (also its folder's name by convention).</param>
/// <param name="Version">The plugin assembly's informational or assembly version.</param>
/// <param name="Folder">The folder it was loaded from; empty for the engine's built-in components.</param>
/// <param name="ContractsVersion">The Gan.Abstractions version it was built against.</param>
public sealed record PluginInfo(string Name, string Version, string Folder, Version ContractsVersion);

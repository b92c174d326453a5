namespace Gan.Engine.Plugins;

/// <summary>
/// The compatibility rule between a plugin and the host (README, "Compatibility policy"): same major
/// version of Gan.Abstractions, and a minor version no newer than the host's (a newer minor may use
/// members this host does not have).
/// </summary>
public static class ContractsCompatibility
{
    /// <summary>Returns null when compatible, else the reason, naming both versions.</summary>
    public static string? Check(Version pluginBuiltAgainst, Version host)
    {
        if (pluginBuiltAgainst.Major != host.Major)
        {
            return $"built against Gan.Abstractions {Format(pluginBuiltAgainst)}, but this host provides " +
                   $"{Format(host)}; major versions must match. Rebuild the plugin against Gan.Abstractions {host.Major}.x.";
        }

        if (pluginBuiltAgainst.Minor > host.Minor)
        {
            return $"built against Gan.Abstractions {Format(pluginBuiltAgainst)}, newer than this host's " +
                   $"{Format(host)}. Update the host, or rebuild the plugin against {host.Major}.{host.Minor}.";
        }

        return null;
    }

    private static string Format(Version v) => $"{v.Major}.{v.Minor}.{Math.Max(v.Build, 0)}";
}

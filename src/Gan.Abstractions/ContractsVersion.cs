namespace Gan.Abstractions;

/// <summary>
/// The version of the plugin contracts. The host refuses a plugin whose reference to
/// <c>Gan.Abstractions</c> has another major version, or a newer minor version, than this one.
/// </summary>
public static class ContractsVersion
{
    /// <summary>The contracts' version; equal to the assembly and package version.</summary>
    public static Version Current { get; } = typeof(ContractsVersion).Assembly.GetName().Version ?? new Version(1, 0);
}

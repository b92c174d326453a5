using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Gan.Engine.Plugins;

/// <summary>
/// Reads what the host must know about a plugin assembly from its metadata, without loading it: a
/// plugin that fails the version check never runs any code.
/// </summary>
internal static class PluginManifestReader
{
    /// <summary>The Gan.Abstractions version the assembly references, or null when it does not reference it.</summary>
    public static Version? ReferencedContractsVersion(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException("not a .NET assembly", assemblyPath);
        }

        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            if (metadata.GetString(reference.Name) == "Gan.Abstractions")
            {
                return reference.Version;
            }
        }

        return null;
    }
}

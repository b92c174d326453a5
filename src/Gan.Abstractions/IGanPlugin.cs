using Microsoft.Extensions.DependencyInjection;

namespace Gan.Abstractions;

/// <summary>
/// The entry type of a plugin assembly. The host finds every public non-abstract class implementing
/// this interface in a plugin's main assembly, creates it with its parameterless constructor and calls
/// <see cref="Configure"/> once, before any experiment is read.
/// </summary>
public interface IGanPlugin
{
    /// <summary>
    /// Registers the plugin's components (see <see cref="ComponentServiceCollectionExtensions"/>) and any
    /// services they need. Everything else in the plugin should stay internal.
    /// </summary>
    void Configure(IServiceCollection services);
}

using Gan.Abstractions;
using Gan.Engine.Plugins;

namespace Gan.Engine.Components;

/// <summary>A component section of an experiment, resolved to a registration and bound, validated options.</summary>
/// <param name="Registration">The component selected by the section's <c>type</c>.</param>
/// <param name="Plugin">The plugin that provides it.</param>
/// <param name="Options">The bound options instance (defaults where the section is silent).</param>
/// <param name="Path">The section's key path, e.g. <c>model.generator</c>.</param>
public sealed record ResolvedComponent(ComponentRegistration Registration, PluginInfo Plugin, object Options, string Path)
{
    /// <summary>The C# names of the options the experiment wrote (the others have their defaults).</summary>
    public IReadOnlySet<string> GivenOptions { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>A network's <c>init_from</c>: the weights file it starts from (absolute); null to start from its initialiser.</summary>
    public string? InitFrom { get; init; }

    /// <summary>Creates a new instance of the component.</summary>
    public T Create<T>(ComponentContext context) where T : class =>
        Registration.Factory(context, Options) as T
        ?? throw new InvalidOperationException(
            $"Component '{Registration.Name}' from plugin {Plugin.Name} did not create a {typeof(T).Name}.");
}

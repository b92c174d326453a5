using Gan.Configuration;
using Gan.Engine.Plugins;
using YamlDotNet.RepresentationModel;

namespace Gan.Engine.Components;

/// <summary>
/// Turns a component section — a bare name (<c>loss: minimax</c>) or a mapping with <c>type</c> and options
/// (<c>generator: {type: mnist-mlp, latent_dim: 64}</c>) — into a <see cref="ResolvedComponent"/>,
/// reporting unknown names with the closest match and the available names.
/// </summary>
public sealed class ComponentResolver
{
    private const string TypeKey = "type";
    private static readonly HashSet<string> IgnoredKeys = new(StringComparer.Ordinal) { TypeKey };

    private readonly PluginCatalog _catalog;

    /// <summary>Creates a resolver over the components of <paramref name="catalog"/>.</summary>
    public ComponentResolver(PluginCatalog catalog) => _catalog = catalog;

    /// <summary>
    /// Resolves <paramref name="node"/> as a <paramref name="contract"/> component. Errors go to
    /// <paramref name="context"/>; returns null when the section could not be resolved.
    /// </summary>
    public ResolvedComponent? Resolve(Type contract, YamlNode? node, string path, BindingContext context, string? defaultName = null)
    {
        var kind = ComponentKinds.Describe(contract);
        string? name;
        YamlNode? nameNode = node;
        YamlMappingNode? options = null;
        switch (node)
        {
            case null:
            case YamlScalarNode { Value: null or "" or "~" or "null" } when defaultName is not null:
                name = defaultName;
                break;
            case YamlScalarNode scalar:
                name = scalar.Value;
                break;
            case YamlMappingNode mapping:
                options = mapping;
                nameNode = mapping.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: TypeKey }).Value;
                name = (nameNode as YamlScalarNode)?.Value ?? defaultName;
                if (name is null)
                {
                    context.AddError(node, $"the {kind} section {path} needs a 'type' naming the component. Available: {Available(contract)}");
                    return null;
                }

                break;
            default:
                context.AddError(node, $"expected a {kind} name or a mapping with 'type' for {path}");
                return null;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            context.AddError(node, $"{path} names no {kind}. Available: {Available(contract)}");
            return null;
        }

        var match = _catalog.Components.FirstOrDefault(c =>
            c.Registration.Contract == contract && string.Equals(c.Registration.Name, name, StringComparison.OrdinalIgnoreCase));
        if (match.Registration is null)
        {
            var candidates = Names(contract).ToList();
            var suggestion = StringSimilarity.ClosestMatch(name, candidates);
            var message = $"unknown {kind} '{name}' in {path}." +
                          (suggestion is null ? "" : $" Did you mean '{suggestion}'?") +
                          $" Available {kind}s: {Available(contract)}" + FailedPluginsNote();
            if (nameNode is null)
            {
                context.AddError((SourceLocation?)null, message);
            }
            else
            {
                context.AddError(nameNode, message);
            }

            return null;
        }

        var description = $"options of {kind} '{match.Registration.Name}'";
        var bound = ConfigBinder.Bind(match.Registration.OptionsType, options, path, context, description, IgnoredKeys)
                    ?? Activator.CreateInstance(match.Registration.OptionsType)!;
        return new ResolvedComponent(match.Registration, match.Plugin, bound, path)
        {
            GivenOptions = ConfigBinder.GivenProperties(match.Registration.OptionsType, options),
        };
    }

    private IEnumerable<string> Names(Type contract) =>
        _catalog.Components.Where(c => c.Registration.Contract == contract).Select(c => c.Registration.Name).Order(StringComparer.Ordinal);

    private string Available(Type contract)
    {
        var names = _catalog.Components.Where(c => c.Registration.Contract == contract)
            .OrderBy(c => c.Registration.Name, StringComparer.Ordinal)
            .Select(c => $"{c.Registration.Name} ({c.Plugin.Name})").ToList();
        return names.Count == 0 ? "none (is the plugin that provides it loaded? see 'gan plugins')" : string.Join(", ", names);
    }

    private string FailedPluginsNote() => _catalog.Failures.Count == 0
        ? ""
        : $". Note: {_catalog.Failures.Count} plugin(s) failed to load: " + string.Join("; ", _catalog.Failures);
}

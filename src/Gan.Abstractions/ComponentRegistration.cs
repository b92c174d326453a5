namespace Gan.Abstractions;

/// <summary>
/// Describes one named component a plugin offers: which contract it fulfils, the options class its YAML
/// section binds to, and how to create it. Registered as a singleton in the host's service collection.
/// </summary>
/// <param name="Contract">The contract interface, for example <see cref="IGenerator"/>.</param>
/// <param name="Name">The name YAML uses in <c>type:</c>; unique per contract across all plugins.</param>
/// <param name="OptionsType">A class with a public parameterless constructor whose properties are the options.</param>
/// <param name="Description">One line shown by the <c>plugins</c> command.</param>
/// <param name="Factory">Creates the component from the build context and a bound, validated options instance.</param>
public sealed record ComponentRegistration(
    Type Contract,
    string Name,
    Type OptionsType,
    string Description,
    Func<ComponentContext, object, object> Factory);

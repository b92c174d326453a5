using System.Reflection;

namespace Gan.Configuration;

/// <summary>Describes the keys an options class accepts, with types and defaults, for help output.</summary>
public static class OptionsSchema
{
    /// <summary>
    /// One entry per bindable property in declaration order; defaults are read from a fresh instance
    /// (<c>new()</c>), so they are exactly what an absent key gives.
    /// </summary>
    /// <exception cref="ArgumentException">The type has no public parameterless constructor.</exception>
    public static IReadOnlyList<OptionDescription> Describe(Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        if (!OptionTypes.IsOptionsClass(optionsType))
        {
            throw new ArgumentException($"{optionsType} is not an options class (a class with a public parameterless constructor).", nameof(optionsType));
        }

        var defaults = Activator.CreateInstance(optionsType)!;
        return OptionTypes.GetProperties(optionsType)
            .Select(p => new OptionDescription(p.Key, OptionTypes.Describe(p.Type), DefaultOf(p.Info, defaults), OptionTypes.DescriptionOf(p.Info)))
            .ToArray();
    }

    private static string? DefaultOf(PropertyInfo property, object defaults)
    {
        try
        {
            return ConfigWriter.ToFlowText(ConfigWriter.ToYaml(property.GetValue(defaults)));
        }
        catch (TargetInvocationException)
        {
            // A getter that throws on a default instance has no default worth showing.
            return null;
        }
    }
}

using System.Reflection;
using Gan.Abstractions;
using Gan.Configuration;

namespace Gan.Engine.Components;

/// <summary>
/// Gives network options marked <see cref="FromDataAttribute"/> the data source's sizes: the experiment's value when it
/// agrees with the data, the data's value when the experiment left the option out, an error naming both otherwise.
/// </summary>
internal static class DataSizeDefaults
{
    /// <summary>Applies the sizes of <paramref name="data"/> to the options of every component of <paramref name="model"/>; returns what it set.</summary>
    public static IReadOnlyList<string> Apply(IReadOnlyDictionary<string, ResolvedComponent> model, IDataSource data)
    {
        var applied = new List<string>();
        if (data is not IDataShapeProvider provider)
        {
            return applied;
        }

        var sizes = provider.Sizes;
        foreach (var component in model.Values)
        {
            foreach (var property in component.Options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<FromDataAttribute>() is { } fromData && sizes.TryGetValue(fromData.Size, out var size)
                    && ApplyOne(component, property, fromData, size) is { } set)
                {
                    applied.Add(set);
                }
            }
        }

        return applied;
    }

    private static string? ApplyOne(ResolvedComponent component, PropertyInfo property, FromDataAttribute fromData, long size)
    {
        var path = $"{component.Path}.{ConfigBinder.KeyOf(property)}";
        if (!component.GivenOptions.Contains(property.Name))
        {
            property.SetValue(component.Options, Convert.ChangeType(size, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType,
                System.Globalization.CultureInfo.InvariantCulture));
            return $"{path}: {size}";
        }

        var given = Convert.ToInt64(property.GetValue(component.Options), System.Globalization.CultureInfo.InvariantCulture);
        var fits = fromData.AtLeast ? given >= size : given == size;
        if (!fits)
        {
            var want = fromData.AtLeast ? $"at least {size}" : $"{size}";
            throw new GanInputException(
                $"{path} is {given}, but the data has {fromData.Size} = {size}: it must be {want}. " +
                $"Leave {path} out to take the data's value.");
        }

        return null;
    }
}

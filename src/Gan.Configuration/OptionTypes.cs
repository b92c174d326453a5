using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using Gan.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Gan.Configuration;

/// <summary>What the binder, writer and schema know about the CLR types that options may use.</summary>
internal static class OptionTypes
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<OptionProperty>> PropertyCache = new();

    /// <summary>The public instance properties with a public getter and setter, in declaration order.</summary>
    public static IReadOnlyList<OptionProperty> GetProperties(Type type) =>
        PropertyCache.GetOrAdd(type, static t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod?.IsPublic == true && p.SetMethod?.IsPublic == true)
            .Select(p => new OptionProperty(p, p.GetCustomAttribute<OptionNameAttribute>()?.Name ?? OptionNaming.ToSnakeCase(p.Name)))
            .ToArray());

    public static bool IsInteger(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);

    public static bool IsFloating(Type type) => type == typeof(double) || type == typeof(float) || type == typeof(decimal);

    public static bool IsScalar(Type type) =>
        type == typeof(string) || type == typeof(bool) || IsInteger(type) || IsFloating(type) || type.IsEnum;

    public static bool IsRawYaml(Type type) => typeof(YamlNode).IsAssignableFrom(type);

    /// <summary>T[], List&lt;T&gt; and the list interfaces List&lt;T&gt; implements.</summary>
    public static bool TryGetListElement(Type type, out Type element)
    {
        if (type.IsArray && type.GetArrayRank() == 1)
        {
            element = type.GetElementType()!;
            return true;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
                || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>))
            {
                element = type.GetGenericArguments()[0];
                return true;
            }
        }

        element = typeof(object);
        return false;
    }

    /// <summary>Dictionary&lt;string, T&gt; and the dictionary interfaces it implements.</summary>
    public static bool TryGetDictionaryValue(Type type, out Type value)
    {
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if ((definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
                && arguments[0] == typeof(string))
            {
                value = arguments[1];
                return true;
            }
        }

        value = typeof(object);
        return false;
    }

    /// <summary>A class bound key by key: public parameterless constructor and not one of the types above.</summary>
    public static bool IsOptionsClass(Type type) =>
        type.IsClass && !type.IsAbstract && type != typeof(string) && !IsRawYaml(type)
        && !TryGetListElement(type, out _) && !TryGetDictionaryValue(type, out _)
        && type.GetConstructor(Type.EmptyTypes) is not null;

    /// <summary>The enum's members as YAML spells them (snake_case), in declaration order.</summary>
    public static IReadOnlyList<(string Key, object Value)> EnumValues(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.GetCustomAttribute<OptionNameAttribute>()?.Name ?? OptionNaming.ToSnakeCase(f.Name), f.GetValue(null)!))
            .ToArray();

    /// <summary>The key an enum value is written as.</summary>
    public static string EnumKey(object value)
    {
        foreach (var (key, member) in EnumValues(value.GetType()))
        {
            if (Equals(member, value))
            {
                return key;
            }
        }

        // Not a declared member (combined flags, a cast number): the number is the only faithful spelling.
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The readable name used by the schema: "integer", "list of number", "one of: linear, cosine".</summary>
    public static string Describe(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Describe(underlying) + " or null";
        }

        if (type == typeof(string))
        {
            return "string";
        }

        if (type == typeof(bool))
        {
            return "boolean";
        }

        if (IsInteger(type))
        {
            return "integer";
        }

        if (IsFloating(type))
        {
            return "number";
        }

        if (type.IsEnum)
        {
            return "one of: " + string.Join(", ", EnumValues(type).Select(v => v.Key));
        }

        if (TryGetListElement(type, out var element))
        {
            return "list of " + Describe(element);
        }

        if (TryGetDictionaryValue(type, out var value))
        {
            return "mapping of " + Describe(value);
        }

        if (type == typeof(YamlNode))
        {
            return "any";
        }

        if (type == typeof(YamlSequenceNode))
        {
            return "list";
        }

        if (type == typeof(YamlScalarNode))
        {
            return "scalar";
        }

        return "mapping";
    }

    /// <summary>What a message says was expected: "an integer", "a number", "a mapping".</summary>
    public static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(YamlScalarNode))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "a boolean (true or false)";
        }

        if (IsInteger(type))
        {
            return "an integer";
        }

        if (IsFloating(type))
        {
            return "a number";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", EnumValues(type).Select(v => v.Key));
        }

        if (TryGetListElement(type, out _) || type == typeof(YamlSequenceNode))
        {
            return "a list";
        }

        return type == typeof(YamlNode) ? "a value" : "a mapping";
    }

    /// <summary>
    /// The property's help text: its [Description], else the summary of its doc comment from the assembly's XML
    /// documentation file, else null.
    /// </summary>
    public static string? DescriptionOf(PropertyInfo property) =>
        property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? XmlDocumentation.SummaryOf(property);
}

using Gan.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Gan.Configuration;

/// <summary>
/// Binds YAML nodes to typed objects: the engine's experiment model and each component's options class.
/// Errors are recorded in the <see cref="BindingContext"/> rather than thrown, so one pass finds them all;
/// a value that fails to bind leaves the property at its class default.
/// </summary>
/// <remarks>
/// Supported: string, bool, integers, float/double/decimal, enums, Nullable&lt;T&gt;, T[] and List&lt;T&gt;
/// (and its read-only interfaces), Dictionary&lt;string, T&gt;, <see cref="YamlNode"/> subtypes (passed
/// through raw) and classes with a public parameterless constructor, bound key by key and then validated
/// with DataAnnotations. Anything else is a programming error and throws <see cref="NotSupportedException"/>.
/// </remarks>
public static class ConfigBinder
{
    /// <summary>Binds <paramref name="node"/> to <typeparamref name="T"/>; see <see cref="Bind(Type, YamlNode?, string, BindingContext, string?, IReadOnlySet{string}?)"/>.</summary>
    public static T Bind<T>(
        YamlNode? node,
        string path,
        BindingContext context,
        string? sectionDescription = null,
        IReadOnlySet<string>? ignoredKeys = null) =>
        Bind(typeof(T), node, path, context, sectionDescription, ignoredKeys) is T value ? value : default!;

    /// <summary>
    /// Binds <paramref name="node"/> to <paramref name="type"/>.
    /// </summary>
    /// <param name="type">The target type.</param>
    /// <param name="node">The YAML node; null when the section is absent (an options class then gets its defaults, validated).</param>
    /// <param name="path">The dotted key path used in messages, e.g. <c>model.generator</c>; empty for the top level.</param>
    /// <param name="context">Collects the errors.</param>
    /// <param name="sectionDescription">Said after the path in unknown-key messages, e.g. <c>options of generator 'mnist-mlp'</c>.</param>
    /// <param name="ignoredKeys">Keys of the top mapping the caller binds itself (such as <c>type</c>); skipped, and offered as suggestions for misspelt keys.</param>
    /// <returns>The bound value; on error the type's default (a fresh instance for options classes).</returns>
    public static object? Bind(
        Type type,
        YamlNode? node,
        string path,
        BindingContext context,
        string? sectionDescription = null,
        IReadOnlySet<string>? ignoredKeys = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);

        if (node is null)
        {
            if (OptionTypes.IsOptionsClass(type))
            {
                return BindObject(type, null, path, context, sectionDescription, ignoredKeys);
            }

            return DefaultOf(type);
        }

        var before = context.ErrorCount;
        var value = BindNode(type, node, path, context, sectionDescription, ignoredKeys);
        return context.ErrorCount == before || value is not null ? value : DefaultOf(type);
    }

    private static object? BindNode(
        Type type,
        YamlNode node,
        string path,
        BindingContext context,
        string? sectionDescription = null,
        IReadOnlySet<string>? ignoredKeys = null)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is YamlScalarNode scalar && NodeText.IsNull(scalar))
        {
            if (!type.IsValueType || underlying is not null)
            {
                return null;
            }

            context.AddError(node, $"expected {OptionTypes.Expected(type)} for {path}, got null");
            return null;
        }

        type = underlying ?? type;
        if (OptionTypes.IsRawYaml(type))
        {
            if (type.IsInstanceOfType(node))
            {
                return node;
            }

            context.AddError(node, $"expected {OptionTypes.Expected(type)} for {path}, got {NodeText.Describe(node)}");
            return null;
        }

        if (OptionTypes.IsScalar(type))
        {
            return ScalarBinder.Bind(type, node, path, context);
        }

        if (OptionTypes.TryGetListElement(type, out var element))
        {
            return BindList(type, element, node, path, context);
        }

        if (OptionTypes.TryGetDictionaryValue(type, out var valueType))
        {
            return BindDictionary(valueType, node, path, context);
        }

        if (OptionTypes.IsOptionsClass(type))
        {
            if (node is not YamlMappingNode mapping)
            {
                context.AddError(node, $"expected a mapping for {path}, got {NodeText.Describe(node)}");
                return null;
            }

            return BindObject(type, mapping, path, context, sectionDescription, ignoredKeys);
        }

        throw new NotSupportedException(
            $"Cannot bind {path} to {type}: options may use strings, booleans, numbers, enums, lists, " +
            "Dictionary<string, T>, YamlNode and classes with a public parameterless constructor.");
    }

    private static object? BindList(Type listType, Type element, YamlNode node, string path, BindingContext context)
    {
        if (node is not YamlSequenceNode sequence)
        {
            context.AddError(node, $"expected a list for {path}, got {NodeText.Describe(node)}");
            return null;
        }

        var before = context.ErrorCount;
        var items = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = BindNode(element, sequence.Children[i], NodeText.Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), context);

            // A failed element comes back null; keep a placeholder so later indices stay right (the list is dropped anyway).
            items.Add(item ?? DefaultOf(element));
        }

        if (context.ErrorCount != before)
        {
            return null;
        }

        if (!listType.IsArray)
        {
            return items;
        }

        var array = Array.CreateInstance(element, items.Count);
        items.CopyTo(array, 0);
        return array;
    }

    private static object? BindDictionary(Type valueType, YamlNode node, string path, BindingContext context)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.AddError(node, $"expected a mapping for {path}, got {NodeText.Describe(node)}");
            return null;
        }

        var before = context.ErrorCount;
        var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                context.AddError(keyNode, $"keys in {NodeText.Where(path)} must be names, got {NodeText.Describe(keyNode)}");
                continue;
            }

            if (dictionary.Contains(key))
            {
                context.AddError(keyNode, $"duplicate key '{key}' in {NodeText.Where(path)}");
                continue;
            }

            dictionary[key] = BindNode(valueType, valueNode, NodeText.Join(path, key), context) ?? DefaultOf(valueType);
        }

        return context.ErrorCount == before ? dictionary : null;
    }

    private static object BindObject(
        Type type,
        YamlMappingNode? mapping,
        string path,
        BindingContext context,
        string? sectionDescription,
        IReadOnlySet<string>? ignoredKeys)
    {
        var instance = Activator.CreateInstance(type)!;
        var properties = OptionTypes.GetProperties(type);
        var keyNodes = new Dictionary<OptionProperty, YamlNode>();
        var failed = new HashSet<OptionProperty>();
        var where = sectionDescription is null ? context.Where(path) : $"{context.Where(path)} ({sectionDescription})";

        foreach (var (keyNode, valueNode) in mapping?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                context.AddError(keyNode, $"keys in {where} must be names, got {NodeText.Describe(keyNode)}");
                continue;
            }

            if (ignoredKeys?.Contains(key) == true)
            {
                continue;
            }

            var property = FindProperty(properties, key);
            if (property is null)
            {
                context.AddError(keyNode, context.CommandName is not null && path.Length == 0
                    ? UnknownOptionMessage(key, context.CommandName, properties)
                    : UnknownKeyMessage(key, where, properties, ignoredKeys));
                continue;
            }

            if (keyNodes.TryGetValue(property, out var first))
            {
                var firstAt = context.Locate(first) is { HasPosition: true } l ? $" (first given at line {l.Line})" : string.Empty;
                context.AddError(keyNode, context.CommandName is not null && path.Length == 0
                    ? $"{context.KeyPath(path, property.Key)} is given more than once"
                    : $"duplicate key '{key}' in {where}: '{property.Key}' is already set{firstAt}");
                continue;
            }

            keyNodes[property] = keyNode;
            var before = context.ErrorCount;
            var value = BindNode(property.Type, valueNode, context.KeyPath(path, property.Key), context);
            if (context.ErrorCount == before)
            {
                property.Info.SetValue(instance, value);
            }
            else
            {
                failed.Add(property);
            }
        }

        OptionsValidator.Validate(instance, properties, keyNodes, failed, mapping, path, context);
        return instance;
    }

    /// <summary>
    /// The C# names of the properties of <paramref name="optionsType"/> that <paramref name="node"/> sets, matched as
    /// binding matches keys (so <c>vocabSize</c> counts for <c>VocabSize</c>); empty when the node is not a mapping.
    /// </summary>
    public static IReadOnlySet<string> GivenProperties(Type optionsType, YamlNode? node)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            return given;
        }

        var properties = OptionTypes.GetProperties(optionsType);
        foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>())
        {
            if (key.Value is { } text && FindProperty(properties, text) is { } property)
            {
                given.Add(property.Info.Name);
            }
        }

        return given;
    }

    /// <summary>The YAML key of an options property: its <see cref="OptionNameAttribute"/>, else its name in snake_case.</summary>
    public static string KeyOf(System.Reflection.PropertyInfo property) =>
        property.GetCustomAttributes(typeof(OptionNameAttribute), inherit: true).OfType<OptionNameAttribute>().FirstOrDefault()?.Name
        ?? OptionNaming.ToSnakeCase(property.Name);

    internal static OptionProperty? FindProperty(IReadOnlyList<OptionProperty> properties, string key)
    {
        foreach (var property in properties)
        {
            if (string.Equals(property.Key, key, StringComparison.Ordinal))
            {
                return property;
            }
        }

        // batchSize, batch-size and Batch_Size all mean batch_size; so does the C# name under an [OptionName].
        var normalized = OptionNaming.Normalize(key);
        foreach (var property in properties)
        {
            if (OptionNaming.Normalize(property.Key) == normalized || OptionNaming.Normalize(property.Info.Name) == normalized)
            {
                return property;
            }
        }

        return null;
    }

    private static string UnknownKeyMessage(string key, string where, IReadOnlyList<OptionProperty> properties, IReadOnlySet<string>? ignoredKeys)
    {
        var allowed = properties.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

        // Keys the caller binds itself (type) are worth suggesting for "tpye", but are not this section's options.
        var candidates = allowed.Concat(ignoredKeys ?? Enumerable.Empty<string>());
        var suggestion = StringSimilarity.ClosestMatch(key, candidates);
        var didYouMean = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
        if (allowed.Length == 0)
        {
            return $"unknown key '{key}' in {where}.{didYouMean} This section takes no options";
        }

        return $"unknown key '{key}' in {where}.{didYouMean} Allowed keys: {string.Join(", ", allowed)}";
    }

    private static string UnknownOptionMessage(string key, string command, IReadOnlyList<OptionProperty> properties)
    {
        var allowed = properties.Select(p => ToolArguments.OptionName(p.Key)).Order(StringComparer.Ordinal).ToArray();
        var suggestion = StringSimilarity.ClosestMatch(ToolArguments.OptionName(key), allowed);
        var didYouMean = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
        return allowed.Length == 0
            ? $"unknown option '{ToolArguments.OptionName(key)}'.{didYouMean} gan {command} takes no options"
            : $"unknown option '{ToolArguments.OptionName(key)}'.{didYouMean} Allowed options: {string.Join(", ", allowed)}";
    }

    private static object? DefaultOf(Type type)
    {
        if (OptionTypes.IsOptionsClass(type))
        {
            return Activator.CreateInstance(type);
        }

        return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
    }
}

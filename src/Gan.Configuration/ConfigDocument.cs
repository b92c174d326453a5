using YamlDotNet.RepresentationModel;

namespace Gan.Configuration;

/// <summary>
/// A parsed experiment file: its YAML tree, the path it came from, and where each node sits, so that
/// binding errors can name <c>file:line:column</c>. A file that <c>extends:</c> others is composed with them
/// (<see cref="ConfigComposition"/>) and each node keeps the file it was written in; nodes added by
/// <see cref="ConfigOverrides"/> point to their <c>--set</c> assignment instead.
/// </summary>
public sealed class ConfigDocument
{
    // YamlNode.Equals compares content, so two equal scalars in different places would collide in an ordinary
    // dictionary; origins are tracked per node instance.
    private readonly Dictionary<YamlNode, SourceLocation> _origins = new(ReferenceEqualityComparer.Instance);

    private ConfigDocument(YamlMappingNode root, string path)
    {
        Root = root;
        Path = path;
    }

    /// <summary>The top-level mapping. <see cref="ConfigOverrides"/> edits it in place.</summary>
    public YamlMappingNode Root { get; }

    /// <summary>The file path as given (or the source name passed to <see cref="Parse"/>); used in messages.</summary>
    public string Path { get; }

    /// <summary>
    /// Reads and parses an experiment file and, when it names <c>extends:</c>, composes it with its base files
    /// (<see cref="ConfigComposition"/>).
    /// </summary>
    /// <exception cref="ConfigurationException">
    /// The file or a base is missing, unreadable, not valid YAML, or not a mapping; the bases form a cycle; a
    /// <c>~key</c> deletes nothing.
    /// </exception>
    public static ConfigDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ConfigComposition.Load(path, []);
    }

    /// <summary>Reads and parses one file as written, without composing it with its bases.</summary>
    internal static ConfigDocument LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            var looked = System.IO.Path.GetFullPath(path);
            throw new ConfigurationException(null, $"experiment file '{path}' not found (looked for {looked})");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(null, $"cannot read experiment file '{path}': {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses YAML text; <paramref name="sourceName"/> is what messages call the source.</summary>
    /// <exception cref="ConfigurationException">The text is not valid YAML, is empty, or is not a mapping.</exception>
    public static ConfigDocument Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);

        if (!YamlParsing.TryLoad(text, out var stream, out var line, out var column, out var problem))
        {
            throw new ConfigurationException(new SourceLocation(sourceName, line, column), $"invalid YAML: {problem}");
        }

        if (stream.Documents.Count == 0 || IsEmptyDocument(stream.Documents[0].RootNode))
        {
            throw new ConfigurationException(
                new SourceLocation(sourceName, 0, 0),
                "the file is empty; an experiment file is a YAML mapping of sections (name:, data:, model:, ...)");
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new ConfigurationException(
                new SourceLocation(sourceName, YamlParsing.ToInt(second.Start.Line), YamlParsing.ToInt(second.Start.Column)),
                "the file holds more than one YAML document ('---'); an experiment file holds exactly one");
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            throw new ConfigurationException(
                new SourceLocation(sourceName, YamlParsing.ToInt(root.Start.Line), YamlParsing.ToInt(root.Start.Column)),
                $"the top level of an experiment file must be a mapping (key: value lines), got {NodeText.Describe(root)}");
        }

        return new ConfigDocument(mapping, sourceName);
    }

    /// <summary>
    /// Wraps a tree built in code (tests, generated experiments). Positions are those the nodes carry,
    /// usually none.
    /// </summary>
    public static ConfigDocument FromRoot(YamlMappingNode root, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new ConfigDocument(root, sourceName);
    }

    /// <summary>Where <paramref name="node"/> came from: its file position, or the <c>--set</c> that added it.</summary>
    public SourceLocation GetLocation(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return _origins.TryGetValue(node, out var origin)
            ? origin
            : new SourceLocation(Path, YamlParsing.ToInt(node.Start.Line), YamlParsing.ToInt(node.Start.Column));
    }

    /// <summary>Records that <paramref name="node"/> and everything under it came from <paramref name="origin"/>.</summary>
    internal void RecordOrigin(YamlNode node, SourceLocation origin)
    {
        foreach (var each in SelfAndDescendants(node))
        {
            _origins[each] = origin;
        }
    }

    /// <summary>Records that <paramref name="node"/> itself (not what is under it) sits at <paramref name="location"/>.</summary>
    internal void RecordLocation(YamlNode node, SourceLocation location) => _origins[node] = location;

    /// <summary>
    /// Takes <paramref name="node"/> and everything under it from <paramref name="source"/> with the positions it has
    /// there, so that a node composed from a base file still names that file.
    /// </summary>
    internal void Adopt(ConfigDocument source, YamlNode node)
    {
        foreach (var each in SelfAndDescendants(node))
        {
            _origins[each] = source.GetLocation(each);
        }
    }

    private static IEnumerable<YamlNode> SelfAndDescendants(YamlNode node)
    {
        yield return node;
        IEnumerable<YamlNode> children = node switch
        {
            YamlMappingNode mapping => mapping.Children.SelectMany(kv => new[] { kv.Key, kv.Value }),
            YamlSequenceNode sequence => sequence.Children,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var each in SelfAndDescendants(child))
            {
                yield return each;
            }
        }
    }

    private static bool IsEmptyDocument(YamlNode root) => root is YamlScalarNode scalar && NodeText.IsNull(scalar);
}

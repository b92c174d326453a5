using YamlDotNet.RepresentationModel;

namespace Gan.Configuration;

/// <summary>
/// Collects the errors of one binding pass, so the user sees every problem in the file at once rather than
/// fixing them one run at a time. Create one per experiment, bind all sections, then call
/// <see cref="ThrowIfErrors"/>.
/// </summary>
public sealed class BindingContext
{
    private readonly List<ConfigurationError> _errors = [];

    /// <summary>Creates a context; <paramref name="document"/> locates nodes (null: errors carry no location).</summary>
    public BindingContext(ConfigDocument? document = null)
    {
        Document = document;
    }

    /// <summary>The document the bound nodes belong to, if any.</summary>
    public ConfigDocument? Document { get; }

    /// <summary>
    /// Set when the bound mapping holds the options of the command <c>gan NAME</c> (<see cref="ToolArguments"/>):
    /// messages then name its top-level keys as options (<c>--batch-size</c>) and call unknown ones unknown options.
    /// </summary>
    public string? CommandName { get; init; }

    /// <summary>How the key <paramref name="key"/> under <paramref name="path"/> reads in messages.</summary>
    internal string KeyPath(string path, string key) =>
        CommandName is not null && path.Length == 0 ? ToolArguments.OptionName(key) : NodeText.Join(path, key);

    /// <summary>How <paramref name="path"/> reads after "in".</summary>
    internal string Where(string path) =>
        CommandName is not null && path.Length == 0 ? $"the options of gan {CommandName}" : NodeText.Where(path);

    /// <summary>How many errors have been recorded so far.</summary>
    public int ErrorCount => _errors.Count;

    /// <summary>True when at least one error was recorded.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>
    /// The errors ordered by position: file positions first by line and column (sources in the order they
    /// were first seen), then <c>--set</c> overrides and errors without a location in the order recorded.
    /// </summary>
    public IReadOnlyList<ConfigurationError> Errors
    {
        get
        {
            var sourceOrder = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var error in _errors)
            {
                if (error.Location is { } location)
                {
                    sourceOrder.TryAdd(location.Source, sourceOrder.Count);
                }
            }

            return _errors
                .OrderBy(e => e.Location is null ? 2 : e.Location.HasPosition ? 0 : 1)
                .ThenBy(e => e.Location is { HasPosition: true } l ? sourceOrder[l.Source] : 0)
                .ThenBy(e => e.Location?.Line ?? 0)
                .ThenBy(e => e.Location?.Column ?? 0)
                .ToArray();
        }
    }

    /// <summary>Where <paramref name="node"/> is, or null when the context has no document or no node is given.</summary>
    public SourceLocation? Locate(YamlNode? node) => node is null ? null : Document?.GetLocation(node);

    /// <summary>Records an error at <paramref name="node"/>.</summary>
    public void AddError(YamlNode? node, string message) => AddError(Locate(node), message);

    /// <summary>Records an error at <paramref name="location"/>.</summary>
    public void AddError(SourceLocation? location, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _errors.Add(new ConfigurationError(location, message));
    }

    /// <summary>Throws a <see cref="ConfigurationException"/> with all errors, ordered, if there are any.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new ConfigurationException(Errors);
        }
    }
}

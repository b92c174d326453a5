using System.Text.RegularExpressions;
using Gan.Abstractions;
using Gan.Tracking.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gan.Tracking;

/// <summary>
/// Picks the <see cref="ITrackingProvider"/> for a tracking URI by its scheme: the first provider, in the order given,
/// that can handle it. The built-ins come first (<see cref="WithBuiltIns"/>), so a plugin adds schemes but cannot take
/// over <c>sqlite</c>, <c>file</c> or <c>http(s)</c>.
/// </summary>
public sealed partial class TrackingProviderRegistry
{
    private readonly List<ITrackingProvider> _providers;

    /// <summary>A registry of exactly <paramref name="providers"/>, asked in order.</summary>
    public TrackingProviderRegistry(IEnumerable<ITrackingProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = [.. providers];
    }

    /// <summary>The built-in providers (SQLite, file store, MLflow server), then <paramref name="more"/>.</summary>
    public static TrackingProviderRegistry WithBuiltIns(ILoggerFactory? loggerFactory, IEnumerable<ITrackingProvider>? more = null) =>
        new([new SqliteTrackingProvider(loggerFactory), new FileTrackingProvider(loggerFactory), new RestTrackingProvider(loggerFactory), .. more ?? []]);

    /// <summary>The providers, in the order they are asked.</summary>
    public IReadOnlyList<ITrackingProvider> Providers => _providers;

    /// <summary>The provider for <paramref name="target"/>.</summary>
    /// <exception cref="GanInputException">No provider handles the URI's scheme; the message names the schemes there are.</exception>
    public ITrackingProvider Find(TrackingTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_providers.FirstOrDefault(p => p.CanHandle(target.Uri)) is { } provider)
        {
            return provider;
        }

        // "file" stands for plain folders too, which have no scheme to list.
        var available = _providers.SelectMany(p => p.Schemes).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(s => s == "file" ? "file (or a folder)" : s);
        throw new GanInputException(
            $"{target.Setting} '{Shown(target.Uri)}' has scheme '{SchemeOf(target.Uri)}', which no tracking provider handles; " +
            $"available: {string.Join(", ", available)} — a plugin may add more.");
    }

    /// <summary>Refuses a target no provider can record to (<c>gan validate</c>, and before a run starts).</summary>
    /// <exception cref="GanInputException">The target cannot be used.</exception>
    public void Validate(TrackingTarget target) => Find(target).Validate(target);

    /// <summary>The store for <paramref name="target"/>, validated first.</summary>
    /// <exception cref="GanInputException">The target cannot be used.</exception>
    public ITrackingStore Create(TrackingTarget target)
    {
        var provider = Find(target);
        provider.Validate(target);
        return provider.Create(target);
    }

    /// <summary>
    /// The scheme of <paramref name="uri"/> in lower case, or null for a plain path. A single letter before the colon
    /// is a Windows drive (<c>C:\runs</c>), not a scheme.
    /// </summary>
    public static string? SchemeOf(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var match = SchemePattern().Match(uri);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    // An unknown URI may still carry a password: show it without its user info.
    private static string Shown(string uri) =>
        System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.UserInfo.Length > 0
            ? uri.Replace(parsed.UserInfo + "@", "", StringComparison.Ordinal)
            : uri;

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.\\-]+):")]
    private static partial Regex SchemePattern();
}

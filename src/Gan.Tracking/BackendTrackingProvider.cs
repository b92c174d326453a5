using Gan.Abstractions;
using Gan.Tracking.FanOut;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Tracking;

/// <summary>
/// A plugin's <see cref="ITrackingBackend"/> as a provider of this registry. Plugins see only the contracts
/// (<c>Gan.Abstractions</c>), not this assembly, whose dependencies (SQLite, YamlDotNet, ...) would otherwise have to be
/// shared with every plugin; so the engine adapts the small contract here. The backend's runs are shielded: a call that
/// throws is reported once and the backend records nothing more, as <see cref="ITrackedRun"/> promises.
/// </summary>
public sealed class BackendTrackingProvider(ITrackingBackend backend, ILoggerFactory? loggerFactory = null) : ITrackingProvider
{
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<BackendTrackingProvider>();

    /// <inheritdoc />
    public IReadOnlyCollection<string> Schemes => backend.Schemes;

    /// <inheritdoc />
    public bool CanHandle(string uri) =>
        TrackingProviderRegistry.SchemeOf(uri) is { } scheme && backend.Schemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public void Validate(TrackingTarget target) => backend.Validate(Parse(target));

    /// <inheritdoc />
    public ITrackingStore Create(TrackingTarget target)
    {
        var uri = Parse(target);
        var description = backend.Describe(uri);
        return new BackendTrackingStore(backend, uri, description, new TrackerFault(description, _logger));
    }

    private static Uri Parse(TrackingTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Uri.TryCreate(target.Uri, UriKind.Absolute, out var uri)
            ? uri
            : throw new GanInputException($"{target.Setting} '{target.Uri}' is not a valid URI.");
    }
}

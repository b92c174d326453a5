using System.Collections.Concurrent;
using Gan.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Tracking;

/// <summary>
/// <c>http:</c> and <c>https:</c> URIs: an MLflow tracking server through its REST API. Credentials come from MLflow's
/// variables only (see <see cref="MlflowConnection"/>). Stores are shared per server and settings, so the runs of one
/// process (a sweep's trials, a multi-stage experiment's stages) share one sender and one spool.
/// </summary>
public sealed class RestTrackingProvider(ILoggerFactory? loggerFactory = null) : ITrackingProvider
{
    private readonly ILoggerFactory _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly ConcurrentDictionary<string, RestTrackingStore> _stores = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyCollection<string> Schemes { get; } = ["http", "https"];

    /// <inheritdoc />
    public bool CanHandle(string uri) => IsHttp(uri);

    /// <summary>
    /// Refuses a URI written in the experiment with credentials in it (the resolved experiment is logged as params: a
    /// password would be published with the run).
    /// </summary>
    public void Validate(TrackingTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Configured && Uri.TryCreate(target.Uri, UriKind.Absolute, out var parsed) && parsed.UserInfo.Length > 0)
        {
            throw new GanInputException(
                $"{target.Setting} carries credentials; remove them from the experiment file and set {MlflowConnection.TokenVariable}, " +
                $"or {MlflowConnection.UsernameVariable} and {MlflowConnection.PasswordVariable}, instead.");
        }
    }

    /// <inheritdoc />
    public ITrackingStore Create(TrackingTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var options = new MlflowRestOptions
        {
            SpoolDirectory = target.SpoolDirectory,
            StartTimeout = target.StartTimeout,
            FlushTimeout = target.FlushTimeout,
            RetryBudget = target.RetryBudget,
        };
        var connection = Connect(target.Uri, target.InsecureTls);
        var key = $"{connection.DisplayUri}|{connection.InsecureTls}|{options.SpoolDirectory}|{options.StartTimeout}|{options.FlushTimeout}|{options.RetryBudget}";
        return _stores.GetOrAdd(key, _ => new RestTrackingStore(connection, options, _loggerFactory));
    }

    /// <summary>True for an <c>http://</c> or <c>https://</c> URI.</summary>
    public static bool IsHttp(string uri) =>
        uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server connection for <paramref name="uri"/>, credentials from the environment; a malformed URI is a <see cref="GanInputException"/>.</summary>
    public static MlflowConnection Connect(string uri, bool? insecureTls)
    {
        try
        {
            return MlflowConnection.Resolve(uri, Environment.GetEnvironmentVariable, insecureTls);
        }
        catch (UriFormatException)
        {
            // Never echo the URI itself: it may carry a password.
            throw new GanInputException("Tracking URI is not a valid http(s) URI (check MLFLOW_TRACKING_URI or tracking.uri).");
        }
    }
}

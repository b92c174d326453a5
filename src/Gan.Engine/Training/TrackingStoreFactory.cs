using System.Collections.Concurrent;
using Gan.Abstractions;
using Gan.Engine.Experiments;
using Gan.Tracking;
using Microsoft.Extensions.Logging;

namespace Gan.Engine.Training;

/// <summary>
/// Chooses the tracking backend as MLflow's own clients do: the experiment's <c>tracking.uri</c>, else
/// <c>MLFLOW_TRACKING_URI</c>, else <c>./mlruns</c>; http(s) selects the REST client, a folder or <c>file:</c> URI
/// the file store. Credentials come from MLflow's variables only (see <see cref="MlflowConnection"/>).
/// </summary>
public sealed class TrackingStoreFactory
{
    /// <summary>MLflow's variable for the tracking URI.</summary>
    public const string UriVariable = "MLFLOW_TRACKING_URI";

    /// <summary>MLflow's variable for the experiment name.</summary>
    public const string ExperimentVariable = "MLFLOW_EXPERIMENT_NAME";

    /// <summary>Where REST runs spool records while the server is unreachable.</summary>
    public const string SpoolVariable = "GAN_TRACKING_SPOOL";

    private readonly ILoggerFactory _loggerFactory;
    private readonly ConcurrentDictionary<string, RestTrackingStore> _restStores = new(StringComparer.Ordinal);

    /// <summary>Creates the factory.</summary>
    public TrackingStoreFactory(ILoggerFactory loggerFactory) => _loggerFactory = loggerFactory;

    /// <summary>The store for <paramref name="definition"/>.</summary>
    public ITrackingStore Create(TrackingDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!definition.Enabled)
        {
            return new NullTrackingStore();
        }

        if (definition.Uri is { } configured && IsHttp(configured)
            && System.Uri.TryCreate(configured, UriKind.Absolute, out var parsed) && parsed.UserInfo.Length > 0)
        {
            // The resolved experiment is logged as params: a password in it would be published with the run.
            throw new GanInputException(
                $"tracking.uri carries credentials; remove them from the experiment file and set {MlflowConnection.TokenVariable}, " +
                $"or {MlflowConnection.UsernameVariable} and {MlflowConnection.PasswordVariable}, instead.");
        }

        var uri = ResolveUri(definition.Uri);
        if (IsHttp(uri))
        {
            var options = new MlflowRestOptions
            {
                SpoolDirectory = SpoolDirectory(definition.SpoolDir),
                StartTimeout = TimeSpan.FromSeconds(Math.Max(0, definition.StartTimeoutSeconds)),
                FlushTimeout = TimeSpan.FromSeconds(Math.Max(0, definition.FlushTimeoutSeconds)),
                RetryBudget = TimeSpan.FromSeconds(Math.Max(0, definition.RetrySeconds)),
            };
            var connection = Connect(uri, definition.InsecureTls);
            var key = $"{connection.DisplayUri}|{connection.InsecureTls}|{options.SpoolDirectory}|{options.StartTimeout}|{options.FlushTimeout}|{options.RetryBudget}";
            return _restStores.GetOrAdd(key, _ => new RestTrackingStore(connection, options, _loggerFactory));
        }

        return new FileTrackingStore(FileStoreFolder(uri), _loggerFactory);
    }

    /// <summary>A reader for <c>gan runs</c>: <paramref name="uri"/>, else <c>MLFLOW_TRACKING_URI</c>, else <c>./mlruns</c>.</summary>
    public static ITrackingReader CreateReader(string? uri)
    {
        var resolved = ResolveUri(uri);
        return IsHttp(resolved) ? new RestTrackingReader(Connect(resolved, null)) : new FileTrackingReader(FileStoreFolder(resolved));
    }

    /// <summary>The replayer behind <c>gan tracking sync</c>; credentials come from the environment, never from the spool.</summary>
    public TrackingSync CreateSync(string? spoolDirectory) =>
        new(uri => Connect(uri, null), new MlflowRestOptions { SpoolDirectory = SpoolDirectory(spoolDirectory) }, _loggerFactory);

    /// <summary>The spool root: <paramref name="configured"/>, else <c>GAN_TRACKING_SPOOL</c>, else <c>./mlruns-spool</c>.</summary>
    public static string SpoolDirectory(string? configured) =>
        Path.GetFullPath(configured ?? (Environment.GetEnvironmentVariable(SpoolVariable) is { Length: > 0 } fromEnv ? fromEnv : MlflowRestOptions.DefaultSpoolFolder));

    /// <summary>The MLflow experiment name for a run of <paramref name="definition"/>.</summary>
    public static string ExperimentName(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Tracking.Experiment is { Length: > 0 } configured)
        {
            return configured;
        }

        return Environment.GetEnvironmentVariable(ExperimentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : definition.Name;
    }

    private static string ResolveUri(string? configured)
    {
        var uri = configured ?? Environment.GetEnvironmentVariable(UriVariable);
        return string.IsNullOrWhiteSpace(uri) ? "mlruns" : uri;
    }

    private static bool IsHttp(string uri) =>
        uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static MlflowConnection Connect(string uri, bool? insecureTls)
    {
        try
        {
            return MlflowConnection.Resolve(uri, Environment.GetEnvironmentVariable, insecureTls);
        }
        catch (UriFormatException)
        {
            // Never echo the URI itself: it may carry a password.
            throw new GanInputException($"Tracking URI is not a valid http(s) URI (check {UriVariable} or tracking.uri).");
        }
    }

    private static string FileStoreFolder(string uri)
    {
        var folder = uri;
        if (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // file:///abs/path is a URI; MLflow also accepts file:relative/path.
            folder = System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile && uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
                ? parsed.LocalPath
                : uri[5..];
        }

        return Path.GetFullPath(folder);
    }
}

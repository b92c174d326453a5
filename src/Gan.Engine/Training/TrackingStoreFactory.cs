using System.Collections.Concurrent;
using Gan.Abstractions;
using Gan.Engine.Experiments;
using Gan.Tracking;
using Gan.Tracking.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gan.Engine.Training;

/// <summary>
/// Chooses the tracking backend as MLflow's own clients do: the experiment's <c>tracking.uri</c>, else
/// <c>MLFLOW_TRACKING_URI</c>, else <c>sqlite:///mlflow.db</c> (MLflow's default since 3.7) unless <c>./mlruns</c>
/// already holds file-store runs and no <c>mlflow.db</c> exists, in which case that file store goes on being used, as
/// MLflow decides too. <c>sqlite:</c> selects MLflow's SQLite store, http(s) the REST client, a folder or
/// <c>file:</c> URI the file store. Credentials come from MLflow's variables only (see <see cref="MlflowConnection"/>).
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

        Validate(definition);
        var uri = ResolveUri(definition.Uri);
        if (UsesLegacyFileStoreDefault(definition.Uri))
        {
            _loggerFactory.CreateLogger<TrackingStoreFactory>().LogWarning(
                "./mlruns holds MLflow file-store runs and there is no ./mlflow.db, so runs are recorded there as before. MLflow 3.13 and later "
                + "open a file store only with MLFLOW_ALLOW_FILE_STORE=true; set tracking.uri: {SqliteUri} (or {Variable}) to use MLflow's "
                + "SQLite store instead (docs/tracking.md).", SqliteStoreLocation.DefaultUri, UriVariable);
        }

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

        if (SqliteStoreLocation.IsSqliteUri(uri))
        {
            return new SqliteTrackingStore(SqliteDatabasePath(uri), DefaultArtifactRoot, _loggerFactory);
        }

        return new FileTrackingStore(FileStoreFolder(uri), _loggerFactory);
    }

    /// <summary>
    /// Refuses a tracking section no store can take, before anything trains (<c>gan validate</c> calls it too): a
    /// <c>tracking.uri</c> with credentials (the resolved experiment is logged as params: a password would be published
    /// with the run) or a malformed <c>sqlite:</c> URI.
    /// </summary>
    /// <exception cref="GanInputException">The section cannot be used.</exception>
    public static void Validate(TrackingDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!definition.Enabled)
        {
            return;
        }

        if (definition.Uri is { } configured && IsHttp(configured)
            && System.Uri.TryCreate(configured, UriKind.Absolute, out var parsed) && parsed.UserInfo.Length > 0)
        {
            throw new GanInputException(
                $"tracking.uri carries credentials; remove them from the experiment file and set {MlflowConnection.TokenVariable}, " +
                $"or {MlflowConnection.UsernameVariable} and {MlflowConnection.PasswordVariable}, instead.");
        }

        if (ResolveUri(definition.Uri) is var uri && SqliteStoreLocation.IsSqliteUri(uri))
        {
            _ = SqliteDatabasePath(uri);
        }
    }

    /// <summary>Where a SQLite store's new experiments keep artifacts: <c>./mlruns</c>, as MLflow's client does.</summary>
    public static string DefaultArtifactRoot => Path.GetFullPath(FileStoreDefaultFolder);

    /// <summary>The URI a run would be recorded at (for <c>gan ui</c> and messages): configured, environment or default.</summary>
    public static string EffectiveUri(string? configured) => ResolveUri(configured);

    /// <summary>A reader for <c>gan runs</c>: <paramref name="uri"/>, else <c>MLFLOW_TRACKING_URI</c>, else the default store.</summary>
    public static ITrackingReader CreateReader(string? uri)
    {
        var resolved = ResolveUri(uri);
        if (IsHttp(resolved))
        {
            return new RestTrackingReader(Connect(resolved, null));
        }

        return SqliteStoreLocation.IsSqliteUri(resolved)
            ? new SqliteTrackingReader(SqliteDatabasePath(resolved))
            : new FileTrackingReader(FileStoreFolder(resolved));
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

    /// <summary>True when no store is configured and <c>./mlruns</c> holds an existing file store that stays in use.</summary>
    public static bool UsesLegacyFileStoreDefault(string? configured) =>
        string.IsNullOrWhiteSpace(configured ?? Environment.GetEnvironmentVariable(UriVariable))
        && !File.Exists(Path.GetFullPath(DefaultDatabaseFile))
        && HoldsFileStoreExperiments(Path.GetFullPath(FileStoreDefaultFolder));

    private const string DefaultDatabaseFile = "mlflow.db";
    private const string FileStoreDefaultFolder = "mlruns";

    private static string ResolveUri(string? configured)
    {
        var uri = configured ?? Environment.GetEnvironmentVariable(UriVariable);
        if (!string.IsNullOrWhiteSpace(uri))
        {
            return uri;
        }

        return UsesLegacyFileStoreDefault(configured) ? FileStoreDefaultFolder : SqliteStoreLocation.DefaultUri;
    }

    // An experiment folder of MLflow's file store has a meta.yaml; a SQLite store's artifact folders never do.
    private static bool HoldsFileStoreExperiments(string folder) =>
        Directory.Exists(folder)
        && Directory.EnumerateDirectories(folder).Any(d => !Path.GetFileName(d).StartsWith('.') && File.Exists(Path.Combine(d, "meta.yaml")));

    private static string SqliteDatabasePath(string uri)
    {
        try
        {
            return SqliteStoreLocation.DatabasePath(uri);
        }
        catch (FormatException ex)
        {
            throw new GanInputException("Tracking URI " + ex.Message);
        }
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

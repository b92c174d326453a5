using Gan.Abstractions;
using Gan.Engine.Experiments;
using Gan.Tracking;
using Gan.Tracking.FanOut;
using Gan.Tracking.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gan.Engine.Training;

/// <summary>
/// The engine's entry to tracking. Resolves the URI as MLflow's own clients do: the experiment's <c>tracking.uri</c>,
/// else <c>MLFLOW_TRACKING_URI</c>, else <c>sqlite:///mlflow.db</c> (MLflow's default since 3.7) unless <c>./mlruns</c>
/// already holds file-store runs and no <c>mlflow.db</c> exists, in which case that file store goes on being used, as
/// MLflow decides too. The store itself comes from a <see cref="TrackingProviderRegistry"/>, by the URI's scheme:
/// <c>sqlite:</c> MLflow's SQLite store, http(s) the REST client, a folder or <c>file:</c> URI the file store, and any
/// scheme a plugin's <see cref="ITrackingBackend"/> adds. With <c>tracking.also</c> the run goes to each of those URIs
/// too (<see cref="FanOutTrackingStore"/>). Credentials come from MLflow's variables only (see <see cref="MlflowConnection"/>).
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

    // One set of provider instances for the factory's life: the REST provider shares a store (one sender, one spool)
    // between the runs of a process.
    private readonly List<ITrackingProvider> _providers;

    /// <summary>Creates the factory with the built-in providers.</summary>
    public TrackingStoreFactory(ILoggerFactory loggerFactory)
        : this(loggerFactory, [])
    {
    }

    /// <summary>Creates the factory with the built-in providers, then <paramref name="providers"/>.</summary>
    public TrackingStoreFactory(ILoggerFactory loggerFactory, IEnumerable<ITrackingProvider> providers)
    {
        _loggerFactory = loggerFactory;
        _providers = [.. TrackingProviderRegistry.WithBuiltIns(loggerFactory, providers).Providers];
    }

    /// <summary>The store for <paramref name="definition"/>, with the built-in providers and the factory's own.</summary>
    public ITrackingStore Create(TrackingDefinition definition) => Create(definition, []);

    /// <summary>
    /// The store for <paramref name="definition"/>: the primary store, or a <see cref="FanOutTrackingStore"/> when
    /// <c>tracking.also</c> names more. <paramref name="backends"/> are the plugins' backends of this run.
    /// </summary>
    /// <exception cref="GanInputException">A URI no provider takes, or one its provider refuses.</exception>
    public ITrackingStore Create(TrackingDefinition definition, IEnumerable<ITrackingBackend> backends)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(backends);
        if (!definition.Enabled)
        {
            return new NullTrackingStore();
        }

        var registry = new TrackingProviderRegistry([.. _providers, .. backends.Select(b => new BackendTrackingProvider(b, _loggerFactory))]);
        ThrowIfInvalid(definition, registry);
        if (UsesLegacyFileStoreDefault(definition.Uri))
        {
            _loggerFactory.CreateLogger<TrackingStoreFactory>().LogWarning(
                "./mlruns holds MLflow file-store runs and there is no ./mlflow.db, so runs are recorded there as before. MLflow 3.13 and later "
                + "open a file store only with MLFLOW_ALLOW_FILE_STORE=true; set tracking.uri: {SqliteUri} (or {Variable}) to use MLflow's "
                + "SQLite store instead (docs/tracking.md).", SqliteStoreLocation.DefaultUri, UriVariable);
        }

        var targets = Targets(definition);
        var primary = registry.Create(targets[0]);
        if (targets.Count == 1)
        {
            return primary;
        }

        var also = targets.Skip(1).Select(registry.Create).ToList();
        _loggerFactory.CreateLogger<TrackingStoreFactory>().LogInformation("Runs are also recorded in {Stores}.",
            string.Join("; ", also.Select(store => store.Description)));
        return new FanOutTrackingStore(primary, also, _loggerFactory);
    }

    /// <summary>
    /// Refuses a tracking section no store can take, before anything trains (<c>gan validate</c> calls it too): a URI
    /// (<c>tracking.uri</c> or an entry of <c>tracking.also</c>) with a scheme no provider handles, with credentials
    /// (the resolved experiment is logged as params: a password would be published with the run), or a malformed
    /// <c>sqlite:</c> URI. Knows the built-in providers and <paramref name="backends"/> (the plugins').
    /// </summary>
    /// <exception cref="GanInputException">The section cannot be used; the first problem.</exception>
    public static void Validate(TrackingDefinition definition, IEnumerable<ITrackingBackend>? backends = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ThrowIfInvalid(definition, TrackingProviderRegistry.WithBuiltIns(null, backends?.Select(b => new BackendTrackingProvider(b))));
    }

    /// <summary>
    /// Every problem of the section, each with the index of its <c>tracking.also</c> entry (null: <c>tracking.uri</c>),
    /// for <c>gan validate</c> to place each at its line.
    /// </summary>
    internal static List<(int? AlsoIndex, string Message)> Problems(TrackingDefinition definition, IEnumerable<ITrackingBackend> backends) =>
        Problems(definition, TrackingProviderRegistry.WithBuiltIns(null, backends.Select(b => new BackendTrackingProvider(b))));

    private static List<(int? AlsoIndex, string Message)> Problems(TrackingDefinition definition, TrackingProviderRegistry registry)
    {
        var problems = new List<(int?, string)>();
        var targets = definition.Enabled ? Targets(definition) : [];
        for (var i = 0; i < targets.Count; i++)
        {
            try
            {
                registry.Validate(targets[i]);
            }
            catch (GanInputException ex)
            {
                problems.Add((i == 0 ? null : i - 1, ex.Message));
            }
        }

        return problems;
    }

    private static void ThrowIfInvalid(TrackingDefinition definition, TrackingProviderRegistry registry)
    {
        if (Problems(definition, registry) is [var (_, message), ..])
        {
            throw new GanInputException(message);
        }
    }

    // The primary target first, then one per tracking.also entry, each with the section's settings.
    private static List<TrackingTarget> Targets(TrackingDefinition definition)
    {
        var primary = new TrackingTarget(ResolveUri(definition.Uri))
        {
            Setting = definition.Uri is null && !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(UriVariable)) ? UriVariable : "tracking.uri",
            Configured = definition.Uri is not null,
            ArtifactRoot = DefaultArtifactRoot,
            SpoolDirectory = SpoolDirectory(definition.SpoolDir),
            StartTimeout = TimeSpan.FromSeconds(Math.Max(0, definition.StartTimeoutSeconds)),
            FlushTimeout = TimeSpan.FromSeconds(Math.Max(0, definition.FlushTimeoutSeconds)),
            RetryBudget = TimeSpan.FromSeconds(Math.Max(0, definition.RetrySeconds)),
            InsecureTls = definition.InsecureTls,
        };
        return [primary, .. definition.Also.Select((uri, i) => primary with { Uri = uri, Setting = $"tracking.also.{i}", Configured = true })];
    }

    /// <summary>Where a SQLite store's new experiments keep artifacts: <c>./mlruns</c>, as MLflow's client does.</summary>
    public static string DefaultArtifactRoot => Path.GetFullPath(FileStoreDefaultFolder);

    /// <summary>The URI a run would be recorded at (for <c>gan ui</c> and messages): configured, environment or default.</summary>
    public static string EffectiveUri(string? configured) => ResolveUri(configured);

    /// <summary>A reader for <c>gan runs</c>: <paramref name="uri"/>, else <c>MLFLOW_TRACKING_URI</c>, else the default store.</summary>
    public static ITrackingReader CreateReader(string? uri)
    {
        var resolved = ResolveUri(uri);
        if (RestTrackingProvider.IsHttp(resolved))
        {
            return new RestTrackingReader(RestTrackingProvider.Connect(resolved, null));
        }

        return SqliteStoreLocation.IsSqliteUri(resolved)
            ? new SqliteTrackingReader(SqliteTrackingProvider.DatabasePath(resolved))
            : new FileTrackingReader(FileTrackingProvider.Folder(resolved));
    }

    /// <summary>The replayer behind <c>gan tracking sync</c>; credentials come from the environment, never from the spool.</summary>
    public TrackingSync CreateSync(string? spoolDirectory) =>
        new(uri => RestTrackingProvider.Connect(uri, null), new MlflowRestOptions { SpoolDirectory = SpoolDirectory(spoolDirectory) }, _loggerFactory);

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
}

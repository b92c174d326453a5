using Gan.Abstractions;
using Gan.Engine.Experiments;
using Gan.Tracking;
using Microsoft.Extensions.Logging;

namespace Gan.Engine.Training;

/// <summary>
/// Chooses the tracking backend as MLflow's own clients do: the experiment's <c>tracking.uri</c>, else
/// <c>MLFLOW_TRACKING_URI</c>, else <c>./mlruns</c>; a folder or <c>file:</c> URI selects the file store.
/// </summary>
public sealed class TrackingStoreFactory
{
    /// <summary>MLflow's variable for the tracking URI.</summary>
    public const string UriVariable = "MLFLOW_TRACKING_URI";

    /// <summary>MLflow's variable for the experiment name.</summary>
    public const string ExperimentVariable = "MLFLOW_EXPERIMENT_NAME";

    private readonly ILoggerFactory _loggerFactory;

    /// <summary>Creates the factory.</summary>
    public TrackingStoreFactory(ILoggerFactory loggerFactory) => _loggerFactory = loggerFactory;

    /// <summary>The store for <paramref name="definition"/>.</summary>
    public ITrackingStore Create(TrackingDefinition definition)
    {
        if (!definition.Enabled)
        {
            return new NullTrackingStore();
        }

        var uri = definition.Uri ?? Environment.GetEnvironmentVariable(UriVariable);
        if (string.IsNullOrWhiteSpace(uri))
        {
            uri = "mlruns";
        }

        if (uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new GanInputException(
                $"Tracking URI {uri}: this version records runs in MLflow's file store only; the REST client is not " +
                "built yet. Use a folder (the default ./mlruns) and point 'mlflow ui --backend-store-uri' at it.");
        }

        var folder = uri;
        if (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // file:///abs/path is a URI; MLflow also accepts file:relative/path.
            folder = Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile && uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
                ? parsed.LocalPath
                : uri[5..];
        }

        return new FileTrackingStore(Path.GetFullPath(folder), _loggerFactory);
    }

    /// <summary>The MLflow experiment name for a run of <paramref name="definition"/>.</summary>
    public static string ExperimentName(ExperimentDefinition definition)
    {
        if (definition.Tracking.Experiment is { Length: > 0 } configured)
        {
            return configured;
        }

        return Environment.GetEnvironmentVariable(ExperimentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : definition.Name;
    }
}

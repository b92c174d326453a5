using Gan.Abstractions;
using Gan.Engine.Training;
using Gan.Tracking;

namespace Gan.Engine.Inference;

/// <summary>
/// Resolves MLflow model URIs to a local folder a checkpoint loader opens: <c>runs:/&lt;run id&gt;/&lt;path&gt;</c> (a model
/// logged by a run, e.g. <c>runs:/3f2a.../models/train/G_A</c>) and <c>models:/&lt;model id&gt;</c> (an MLflow 3 LoggedModel,
/// <c>m-...</c>), read from the tracking store in use (<c>MLFLOW_TRACKING_URI</c>, else the default store); files on a
/// server are downloaded into the cache first.
/// </summary>
internal static class ModelUris
{
    private const string RunsScheme = "runs:/";
    private const string ModelsScheme = "models:/";

    public static bool IsModelUri(string source) =>
        source.StartsWith(RunsScheme, StringComparison.Ordinal) || source.StartsWith(ModelsScheme, StringComparison.Ordinal);

    /// <summary>The local folder of <paramref name="uri"/>.</summary>
    /// <exception cref="GanInputException">Malformed, unknown run or model, or no model at that path.</exception>
    public static string Resolve(string uri, string cacheRoot, string? trackingUri = null)
    {
        using var reader = TrackingStoreFactory.CreateReader(trackingUri);
        try
        {
            return uri.StartsWith(RunsScheme, StringComparison.Ordinal)
                ? ResolveRun(reader, uri, cacheRoot)
                : ResolveModel(reader, uri, cacheRoot);
        }
        catch (KeyNotFoundException ex)
        {
            throw new GanInputException($"{uri}: {ex.Message}");
        }
    }

    private static string ResolveRun(ITrackingReader reader, string uri, string cacheRoot)
    {
        var rest = uri[RunsScheme.Length..].TrimStart('/');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1)
        {
            throw new GanInputException($"'{uri}' is not a run model URI: write runs:/<run id>/<path>, e.g. runs:/<run id>/models/train/generator.");
        }

        var (runId, path) = (rest[..slash], rest[(slash + 1)..].TrimEnd('/'));
        var run = reader.GetRunAsync(runId, CancellationToken.None).GetAwaiter().GetResult();
        var models = LoggedModelFiles.ModelsOf(run);
        if (!models.TryGetValue(path, out var location))
        {
            var logged = models.Keys.Order(StringComparer.Ordinal).ToList();
            throw new GanInputException(
                $"Run {runId} in {reader.Description} has no model at '{path}'. " +
                (logged.Count == 0 ? "It logged no models." : $"Its models: {string.Join(", ", logged)}."));
        }

        return reader.FetchModelAsync(location, cacheRoot, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static string ResolveModel(ITrackingReader reader, string uri, string cacheRoot)
    {
        var id = uri[ModelsScheme.Length..].Trim('/');
        if (!id.StartsWith("m-", StringComparison.Ordinal) || id.Contains('/', StringComparison.Ordinal))
        {
            throw new GanInputException(
                $"'{uri}' is not a logged-model URI: write models:/<model id> with the id MLflow shows for the model (m-...). " +
                "Registered models (models:/<name>/<version>) are not resolved here; use the model id or runs:/ instead.");
        }

        var location = reader.FindModelAsync(id, CancellationToken.None).GetAwaiter().GetResult()
            ?? throw new GanInputException($"No logged model {id} in {reader.Description} (models:/ URIs need MLflow's SQLite store or a server; with the file store use runs:/).");
        return reader.FetchModelAsync(location, cacheRoot, CancellationToken.None).GetAwaiter().GetResult();
    }
}

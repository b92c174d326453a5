using System.IO.Compression;
using System.Text.Json;

namespace Gan.Tracking;

/// <summary>
/// How a <see cref="LoggedModelRequest"/> travels through a run's queue (and a server's spool): a JSON header in the
/// operation's text and the files as one zip in its content, so a model is one record that arrives whole or not at
/// all. Also the run tag that says where each model went, which <c>runs:/</c> URIs are resolved with.
/// </summary>
internal static class LoggedModels
{
    /// <summary>Prefix of the run tag recording a model: <c>gan.model.&lt;artifact path&gt;</c>.</summary>
    public const string TagPrefix = "gan.model.";

    /// <summary>MLflow's LoggedModelStatus.LOGGED_MODEL_READY as its SQL store writes it.</summary>
    public const int ReadyStatus = 2;

    public static string TagKey(string artifactPath) => TagPrefix + artifactPath;

    public static string TagValue(string? modelId, string location) =>
        JsonSerializer.Serialize(new ModelLocation(modelId, location), MlflowJsonContext.Default.ModelLocation);

    public static ModelLocation? ReadTag(string value)
    {
        try
        {
            return JsonSerializer.Deserialize(value, MlflowJsonContext.Default.ModelLocation);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <param name="request">The model.</param>
    /// <param name="metrics">Its metric points: the run's own last point of each key where it has one at the model's
    /// step (same timestamp and value, so a server storing the run's metrics keeps one row), else a new point.</param>
    public static string Header(LoggedModelRequest request, IReadOnlyList<MetricPoint> metrics) => JsonSerializer.Serialize(
        new LoggedModelHeader(request.Name, request.ArtifactPath, request.ModelType, request.Files.Keys.ToList(),
            request.Params.ToDictionary(), request.Tags.ToDictionary(),
            request.Metrics.Keys.Zip(metrics, (key, point) => new LoggedModelMetric(key, point.Value, point.Step, point.Timestamp)).ToList(),
            request.Step),
        MlflowJsonContext.Default.LoggedModelHeader);

    public static LoggedModelHeader ReadHeader(string json) =>
        JsonSerializer.Deserialize(json, MlflowJsonContext.Default.LoggedModelHeader) ?? throw new JsonException("empty model header");

    public static byte[] Pack(IReadOnlyDictionary<string, byte[]> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                // Weights barely compress; storing them keeps the training process's writer cheap.
                using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }

    public static IEnumerable<(string Name, byte[] Content)> Unpack(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            yield return (entry.FullName, copy.ToArray());
        }
    }

    /// <summary>Writes the files of <paramref name="package"/> into <paramref name="folder"/>.</summary>
    public static void WriteFiles(byte[] package, string folder)
    {
        foreach (var (name, content) in Unpack(package))
        {
            var target = Path.GetFullPath(Path.Combine(folder, name));
            if (!target.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal))
            {
                continue; // a name escaping the folder: never written
            }

            FileStorePaths.WriteAtomically(target, content);
        }
    }
}

/// <summary>Where a logged model's files are: the LoggedModel id (when the backend has them) and a folder or URI.</summary>
public sealed record ModelLocation(string? ModelId, string Location);

/// <summary>A <see cref="LoggedModelRequest"/> without its file contents.</summary>
internal sealed record LoggedModelHeader(
    string Name,
    string ArtifactPath,
    string ModelType,
    List<string> Files,
    Dictionary<string, string> Params,
    Dictionary<string, string> Tags,
    List<LoggedModelMetric> Metrics,
    long Step);

/// <summary>A model's metric point.</summary>
internal sealed record LoggedModelMetric(string Key, double Value, long Step, long Timestamp);

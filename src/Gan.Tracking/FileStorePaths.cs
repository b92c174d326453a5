using System.Text;

namespace Gan.Tracking;

/// <summary>Names and small file operations of MLflow's file-store layout (mlflow/store/tracking/file_store.py).</summary>
internal static class FileStorePaths
{
    public const string MetaFile = "meta.yaml";
    public const string TrashFolder = ".trash";
    public const string MetricsFolder = "metrics";
    public const string ParamsFolder = "params";
    public const string TagsFolder = "tags";
    public const string ArtifactsFolder = "artifacts";
    public const string DefaultExperimentId = "0";
    public const string DefaultExperimentName = "Default";

    /// <summary>Our cross-process lock. A file, so MLflow (which lists only folders as experiments) ignores it.</summary>
    public const string LockFile = ".gan-tracking.lock";

    /// <summary>Root folders that are not experiments (the model registry's folder among them).</summary>
    public static readonly IReadOnlySet<string> NonExperimentFolders = new HashSet<string>(StringComparer.Ordinal) { TrashFolder, "models" };

    /// <summary>Experiment sub-folders that are not runs.</summary>
    public static readonly IReadOnlySet<string> NonRunFolders = new HashSet<string>(StringComparer.Ordinal) { "tags", "datasets", "traces" };

    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A local path as MLflow's <c>path_to_local_file_uri</c> renders it (<c>file:///abs/path</c>).</summary>
    public static string ToFileUri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>MLflow's <c>append_to_uri_path</c> for our simple cases.</summary>
    public static string AppendToUri(string uri, params string[] parts) =>
        uri.TrimEnd('/') + "/" + string.Join('/', parts);

    /// <summary>The local folder a <c>file:</c> URI names, or null for remote URIs.</summary>
    public static string? LocalPathOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : null;

    /// <summary>The file a key (metric, param or tag) is stored in: '/' in the key makes sub-folders, as in MLflow.</summary>
    public static string KeyPath(string folder, string key) =>
        Path.Combine(folder, key.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// Writes a whole file through a temporary sibling and a rename, so readers and crashes never see half of it.
    /// <paramref name="durable"/> also forces the bytes to disk before the rename (for meta.yaml, written rarely);
    /// params, tags and artifacts skip that cost, as MLflow does.
    /// </summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content, bool durable = false)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: durable);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes text as UTF-8 without BOM through <see cref="WriteAtomically(string, ReadOnlySpan{byte}, bool)"/>.</summary>
    public static void WriteAtomically(string path, string text, bool durable = false) => WriteAtomically(path, Utf8.GetBytes(text), durable);

    /// <summary>Reads a param or tag file (UTF-8, no trailing newline added by MLflow).</summary>
    public static string ReadText(string path) => File.ReadAllText(path, Utf8);

    /// <summary>All key files under <paramref name="folder"/>, keyed with '/' separators as MLflow does.</summary>
    public static IEnumerable<(string Key, string Path)> EnumerateKeyFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue; // one of our in-flight atomic writes
            }

            yield return (Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'), file);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

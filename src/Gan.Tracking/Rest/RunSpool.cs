using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gan.Tracking;

/// <summary>
/// The on-disk spool of one run: <c>&lt;spool root&gt;/&lt;run id&gt;/</c> with <c>run.json</c>, <c>records.jsonl</c>
/// (append-only, in logging order), <c>blobs/</c> (artifact bytes) and <c>sent</c> (how many lines the server has
/// acknowledged). Replay resumes after the acknowledged lines; the folder is deleted once everything is sent.
/// </summary>
internal sealed class RunSpool
{
    private const string ManifestFile = "run.json";
    private const string RecordsFile = "records.jsonl";
    private const string SentFile = "sent";
    private const string BlobsFolder = "blobs";

    public RunSpool(string directory) => Directory = directory;

    public string Directory { get; }

    public bool Exists => File.Exists(Path.Combine(Directory, RecordsFile));

    public static string For(string spoolRoot, string runId) => Path.Combine(spoolRoot, runId);

    /// <summary>Spool folders under <paramref name="spoolRoot"/> that hold records.</summary>
    public static IEnumerable<RunSpool> All(string spoolRoot) =>
        System.IO.Directory.Exists(spoolRoot)
            ? System.IO.Directory.EnumerateDirectories(spoolRoot).Select(d => new RunSpool(d)).Where(s => s.Exists).OrderBy(s => s.Directory, StringComparer.Ordinal)
            : [];

    public SpoolManifest? ReadManifest()
    {
        var path = Path.Combine(Directory, ManifestFile);
        return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), MlflowJsonContext.Default.SpoolManifest) : null;
    }

    public void WriteManifest(SpoolManifest manifest)
    {
        System.IO.Directory.CreateDirectory(Directory);
        FileStorePaths.WriteAtomically(Path.Combine(Directory, ManifestFile), Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(manifest, MlflowJsonContext.Default.SpoolManifest)), durable: true);
    }

    /// <summary>Appends records in order, artifacts' bytes to blob files first, then fsyncs the lines.</summary>
    public void Append(IEnumerable<SpoolLine> lines)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.Kind is SpoolLine.ArtifactKind or SpoolLine.ModelKind && line.Blob is null)
            {
                var blobs = Path.Combine(Directory, BlobsFolder);
                System.IO.Directory.CreateDirectory(blobs);
                var name = Guid.NewGuid().ToString("N") + ".bin";
                File.WriteAllBytes(Path.Combine(blobs, name), line.Content ?? []);
                line.Blob = name;
            }

            text.Append(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(line, MlflowJsonContext.Default.SpoolLine))).Append('\n');
        }

        if (text.Length == 0)
        {
            return;
        }

        using var stream = new FileStream(Path.Combine(Directory, RecordsFile), FileMode.Append, FileAccess.Write, FileShare.Read);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The records not yet acknowledged, in order, with artifact bytes loaded.</summary>
    public List<SpoolLine> ReadUnsent()
    {
        var path = Path.Combine(Directory, RecordsFile);
        if (!File.Exists(path))
        {
            return [];
        }

        var sent = SentCount();
        var result = new List<SpoolLine>();
        var index = 0;
        foreach (var text in File.ReadLines(path))
        {
            if (text.Length == 0)
            {
                continue;
            }

            if (index++ < sent)
            {
                continue;
            }

            SpoolLine? line;
            try
            {
                line = JsonSerializer.Deserialize(text, MlflowJsonContext.Default.SpoolLine);
            }
            catch (JsonException)
            {
                // A line cut short by a crash mid-append is the last one; nothing after it was written.
                break;
            }

            if (line is null)
            {
                continue;
            }

            if (line.Kind is SpoolLine.ArtifactKind or SpoolLine.ModelKind && line.Blob is { } blob)
            {
                var blobPath = Path.Combine(Directory, BlobsFolder, blob);
                line.Content = File.Exists(blobPath) ? File.ReadAllBytes(blobPath) : null;
            }

            result.Add(line);
        }

        return result;
    }

    public int SentCount()
    {
        var path = Path.Combine(Directory, SentFile);
        return File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    /// <summary>Records that <paramref name="count"/> more lines reached the server.</summary>
    public void Acknowledge(int count)
    {
        if (count > 0)
        {
            FileStorePaths.WriteAtomically(Path.Combine(Directory, SentFile), (SentCount() + count).ToString(CultureInfo.InvariantCulture), durable: true);
        }
    }

    /// <summary>Everything was sent: the folder goes.</summary>
    public void Delete()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next sync, which finds nothing unsent and deletes it then.
        }
    }
}

using Gan.Abstractions;

namespace Gan.Engine.Checkpoints;

/// <summary>
/// The training-state checkpoints of one run: <c>checkpoints/&lt;run id&gt;/resume/&lt;stageNN-stepN&gt;/</c>
/// (weights, optimiser states, <c>state.json</c>) plus a <c>latest</c> pointer. A checkpoint folder is
/// assembled under a temporary name and published with one rename, and the pointer is replaced atomically,
/// so a crash mid-write leaves the previous checkpoint as the latest one.
/// </summary>
public sealed class CheckpointStore
{
    /// <summary>The folder, inside a run's checkpoint folder, that holds the training-state checkpoints.</summary>
    public const string FolderName = "resume";

    /// <summary>The pointer file naming the latest complete checkpoint.</summary>
    public const string LatestFile = "latest";

    /// <summary>The store at <paramref name="folder"/> (<c>checkpoints/&lt;run id&gt;/resume</c>).</summary>
    public CheckpointStore(string folder) => Folder = Path.GetFullPath(folder);

    /// <summary>The store's folder.</summary>
    public string Folder { get; }

    /// <summary>The store of run <paramref name="runId"/> under <paramref name="checkpointRoot"/>.</summary>
    public static CheckpointStore ForRun(string checkpointRoot, string runId) =>
        new(Path.Combine(checkpointRoot, runId, FolderName));

    /// <summary>
    /// Writes one checkpoint: <paramref name="writeFiles"/> fills a temporary folder (each file flushed to
    /// disk), the manifest goes in last, then the folder is renamed into place and <c>latest</c> updated.
    /// </summary>
    /// <returns>The published folder.</returns>
    public string Write(CheckpointManifest manifest, Action<string> writeFiles)
    {
        Directory.CreateDirectory(Folder);
        AtomicFile.CleanLeftovers(Folder);
        var name = manifest.Position.FolderName;
        var temporary = Path.Combine(Folder, AtomicFile.TemporaryPrefix + name + "." + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(temporary);
        try
        {
            writeFiles(temporary);
            AtomicFile.WriteDurable(Path.Combine(temporary, CheckpointManifest.FileName),
                stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(manifest.ToJson())));
            var final = Path.Combine(Folder, name);
            AtomicFile.PublishFolder(temporary, final);
            AtomicFile.WriteText(Path.Combine(Folder, LatestFile), name + "\n");
            return final;
        }
        catch
        {
            AtomicFile.CleanLeftovers(Folder);
            throw;
        }
    }

    /// <summary>Complete checkpoints (those with a manifest), oldest first.</summary>
    public IReadOnlyList<string> List() =>
        !Directory.Exists(Folder)
            ? []
            : Directory.GetDirectories(Folder)
                .Where(d => !Path.GetFileName(d).StartsWith(AtomicFile.TemporaryPrefix, StringComparison.Ordinal)
                            && File.Exists(Path.Combine(d, CheckpointManifest.FileName)))
                .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal)
                .ToList();

    /// <summary>
    /// The latest complete checkpoint: the one <c>latest</c> names, or, if the pointer is missing or names
    /// a folder that is gone, the last complete one in training order. Null when there is none.
    /// </summary>
    public string? Latest()
    {
        var pointer = Path.Combine(Folder, LatestFile);
        if (File.Exists(pointer))
        {
            var named = Path.Combine(Folder, File.ReadAllText(pointer).Trim());
            if (File.Exists(Path.Combine(named, CheckpointManifest.FileName)))
            {
                return named;
            }
        }

        var complete = List();
        return complete.Count > 0 ? complete[^1] : null;
    }

    /// <summary>
    /// Deletes all but the last <paramref name="keep"/> checkpoints and the best one by
    /// <paramref name="bestMetric"/> (when given and recorded).
    /// </summary>
    public void Prune(int keep, string? bestMetric, MetricGoal goal)
    {
        var all = List();
        var retained = new HashSet<string>(all.Skip(Math.Max(0, all.Count - keep)), StringComparer.Ordinal);
        if (Best(bestMetric, goal) is { } best)
        {
            retained.Add(best);
        }

        if (Latest() is { } latest)
        {
            retained.Add(latest);
        }

        foreach (var folder in all.Where(f => !retained.Contains(f)))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The checkpoint with the best recorded value of <paramref name="metric"/>; the later one on ties.</summary>
    /// <param name="metric">The metric; null or empty gives null.</param>
    /// <param name="goal">Lower or higher is better.</param>
    /// <param name="include">Only checkpoints whose manifest passes (all when null).</param>
    public string? Best(string? metric, MetricGoal goal, Func<CheckpointManifest, bool>? include = null)
    {
        if (string.IsNullOrEmpty(metric))
        {
            return null;
        }

        string? best = null;
        var bestValue = 0.0;
        foreach (var folder in List())
        {
            var manifest = CheckpointManifest.Read(Path.Combine(folder, CheckpointManifest.FileName));
            if ((include is not null && !include(manifest)) || !manifest.Metrics.TryGetValue(metric, out var value) || !double.IsFinite(value))
            {
                continue;
            }

            if (best is null || (goal == MetricGoal.Min ? value <= bestValue : value >= bestValue))
            {
                (best, bestValue) = (folder, value);
            }
        }

        return best;
    }

    /// <summary>Reads the manifest of checkpoint folder <paramref name="folder"/>.</summary>
    public static CheckpointManifest ReadManifest(string folder)
    {
        var path = Path.Combine(folder, CheckpointManifest.FileName);
        return File.Exists(path)
            ? CheckpointManifest.Read(path)
            : throw new GanInputException($"{folder} is not a complete checkpoint: it has no {CheckpointManifest.FileName}.");
    }
}

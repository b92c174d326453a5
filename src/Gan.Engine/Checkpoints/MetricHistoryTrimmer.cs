using System.Globalization;
using Gan.Tracking;

namespace Gan.Engine.Checkpoints;

/// <summary>
/// Before a resumed run appends again, drops the metric values a killed run logged after its checkpoint,
/// so every step appears once. Works on MLflow's file store (one "timestamp value step" line per value);
/// Gan.Tracking exposes no delete, so the files are rewritten here, atomically, while no writer has the run open.
/// </summary>
internal static class MetricHistoryTrimmer
{
    /// <returns>The number of values removed, and per key the last step kept; null when the store is not a file store.</returns>
    public static (int Removed, Dictionary<string, IReadOnlySet<long>>? StoredSteps) TrimAfter(ITrackingStore store, string runId, long lastStep)
    {
        if (store is not FileTrackingStore fileStore || !Directory.Exists(fileStore.RootDirectory))
        {
            return (0, null);
        }

        var runDirectory = Directory.GetDirectories(fileStore.RootDirectory)
            .Select(experiment => Path.Combine(experiment, runId))
            .FirstOrDefault(Directory.Exists);
        var metrics = runDirectory is null ? null : Path.Combine(runDirectory, "metrics");
        var stored = new Dictionary<string, IReadOnlySet<long>>(StringComparer.Ordinal);
        if (metrics is null || !Directory.Exists(metrics))
        {
            return (0, stored);
        }

        var removed = 0;
        foreach (var file in Directory.GetFiles(metrics, "*", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            var kept = lines.Where(line => StepOf(line) is not { } step || step <= lastStep).ToList();
            var key = Path.GetRelativePath(metrics, file).Replace(Path.DirectorySeparatorChar, '/');
            stored[key] = kept.Select(StepOf).OfType<long>().ToHashSet();
            if (kept.Count != lines.Length)
            {
                removed += lines.Length - kept.Count;
                AtomicFile.WriteText(file, kept.Count == 0 ? "" : string.Join('\n', kept) + "\n");
            }
        }

        return (removed, stored);
    }

    private static long? StepOf(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var step) ? step : null;
    }
}

using System.Globalization;
using YamlDotNet.Core;

namespace Gan.Tracking;

/// <summary>
/// Reads an MLflow file store (ours or one MLflow wrote): experiments, runs, params, tags and metric histories.
/// For tests and the <c>runs</c> command; it never writes.
/// </summary>
public sealed class FileStoreReader
{
    /// <summary>Reads the store rooted at <paramref name="rootDirectory"/> (e.g. <c>./mlruns</c>).</summary>
    public FileStoreReader(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        RootDirectory = Path.GetFullPath(rootDirectory);
    }

    /// <summary>The store's absolute root folder.</summary>
    public string RootDirectory { get; }

    /// <summary>Experiments with a readable <c>meta.yaml</c>, by id; deleted ones (in <c>.trash</c>) only when asked.</summary>
    public IReadOnlyList<ExperimentInfo> ListExperiments(bool includeDeleted = false)
    {
        var result = new List<ExperimentInfo>();
        foreach (var directory in ExperimentDirectories(includeDeleted))
        {
            if (ReadExperiment(directory) is { } experiment)
            {
                result.Add(experiment);
            }
        }

        return result.OrderBy(e => e.ExperimentId.Length).ThenBy(e => e.ExperimentId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The active experiment called <paramref name="name"/>, or null (MLflow's get_experiment_by_name).</summary>
    public ExperimentInfo? FindExperimentByName(string name) =>
        ListExperiments().FirstOrDefault(e => e.LifecycleStage == "active" && string.Equals(e.Name, name, StringComparison.Ordinal));

    /// <summary>The experiment with id <paramref name="experimentId"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such experiment.</exception>
    public ExperimentInfo GetExperiment(string experimentId) =>
        FindExperimentDirectory(experimentId) is { } directory && ReadExperiment(directory) is { } experiment
            ? experiment
            : throw new KeyNotFoundException($"Experiment '{experimentId}' not found in {RootDirectory}.");

    /// <summary>The runs of an experiment, oldest first.</summary>
    public IReadOnlyList<RunInfo> ListRuns(string experimentId)
    {
        var directory = FindExperimentDirectory(experimentId);
        if (directory is null)
        {
            return [];
        }

        var runs = new List<RunInfo>();
        foreach (var runDirectory in Directory.EnumerateDirectories(directory))
        {
            if (FileStorePaths.NonRunFolders.Contains(Path.GetFileName(runDirectory))
                || !File.Exists(Path.Combine(runDirectory, FileStorePaths.MetaFile)))
            {
                continue;
            }

            try
            {
                runs.Add(ReadRun(runDirectory));
            }
            catch (Exception ex) when (ex is YamlException or IOException or FormatException)
            {
                // A malformed run folder is skipped, as MLflow's _list_run_infos does.
            }
        }

        return runs.OrderBy(r => r.StartTime).ToList();
    }

    /// <summary>A run with its params, tags and latest metric values.</summary>
    /// <exception cref="KeyNotFoundException">No such run.</exception>
    public RunInfo GetRun(string runId) => ReadRun(RequireRunDirectory(runId));

    /// <summary>Every recorded value of metric <paramref name="key"/>, in file (logging) order; empty if never logged.</summary>
    /// <exception cref="KeyNotFoundException">No such run.</exception>
    public IReadOnlyList<MetricPoint> GetMetricHistory(string runId, string key)
    {
        var path = FileStorePaths.KeyPath(Path.Combine(RequireRunDirectory(runId), FileStorePaths.MetricsFolder), key);
        return File.Exists(path) ? ReadMetricFile(path) : [];
    }

    internal string? FindExperimentDirectory(string experimentId)
    {
        if (string.IsNullOrEmpty(experimentId) || experimentId.IndexOfAny(['/', '\\']) >= 0 || experimentId.StartsWith('.'))
        {
            return null;
        }

        foreach (var parent in new[] { RootDirectory, Path.Combine(RootDirectory, FileStorePaths.TrashFolder) })
        {
            var candidate = Path.Combine(parent, experimentId);
            if (File.Exists(Path.Combine(candidate, FileStorePaths.MetaFile)))
            {
                return candidate;
            }
        }

        return null;
    }

    internal string? FindRunDirectory(string runId)
    {
        if (string.IsNullOrEmpty(runId) || runId.IndexOfAny(['/', '\\', '.']) >= 0)
        {
            return null;
        }

        foreach (var experiment in ExperimentDirectories(includeDeleted: true))
        {
            var candidate = Path.Combine(experiment, runId);
            if (File.Exists(Path.Combine(candidate, FileStorePaths.MetaFile)))
            {
                return candidate;
            }
        }

        return null;
    }

    internal static ExperimentInfo? ReadExperiment(string directory)
    {
        try
        {
            var map = MlflowYaml.ReadMapping(Path.Combine(directory, FileStorePaths.MetaFile));
            if (!map.TryGetValue("experiment_id", out var id) || id is null || !map.TryGetValue("name", out var name) || name is null)
            {
                return null;
            }

            return new ExperimentInfo(
                id,
                name,
                map.GetValueOrDefault("artifact_location") ?? string.Empty,
                map.GetValueOrDefault("lifecycle_stage") ?? "active",
                Time(map.GetValueOrDefault("creation_time")),
                Time(map.GetValueOrDefault("last_update_time")));
        }
        catch (Exception ex) when (ex is YamlException or IOException)
        {
            return null;
        }
    }

    internal static IReadOnlyDictionary<string, string> ReadKeyFiles(string folder) =>
        FileStorePaths.EnumerateKeyFiles(folder).ToDictionary(f => f.Key, f => FileStorePaths.ReadText(f.Path), StringComparer.Ordinal);

    private IEnumerable<string> ExperimentDirectories(bool includeDeleted)
    {
        if (!Directory.Exists(RootDirectory))
        {
            yield break;
        }

        foreach (var directory in Directory.EnumerateDirectories(RootDirectory))
        {
            if (!FileStorePaths.NonExperimentFolders.Contains(Path.GetFileName(directory)))
            {
                yield return directory;
            }
        }

        var trash = Path.Combine(RootDirectory, FileStorePaths.TrashFolder);
        if (includeDeleted && Directory.Exists(trash))
        {
            foreach (var directory in Directory.EnumerateDirectories(trash))
            {
                yield return directory;
            }
        }
    }

    private string RequireRunDirectory(string runId) =>
        FindRunDirectory(runId) ?? throw new KeyNotFoundException($"Run '{runId}' not found in {RootDirectory}.");

    private static RunInfo ReadRun(string runDirectory)
    {
        var meta = RunMeta.Read(Path.Combine(runDirectory, FileStorePaths.MetaFile));
        var tags = ReadKeyFiles(Path.Combine(runDirectory, FileStorePaths.TagsFolder));
        var metrics = new Dictionary<string, MetricPoint>(StringComparer.Ordinal);
        foreach (var (key, path) in FileStorePaths.EnumerateKeyFiles(Path.Combine(runDirectory, FileStorePaths.MetricsFolder)))
        {
            // MLflow's latest value: the largest (step, timestamp, value).
            var latest = ReadMetricFile(path)
                .OrderBy(p => p.Step).ThenBy(p => p.Timestamp).ThenBy(p => p.Value)
                .LastOrDefault();
            if (latest is not null)
            {
                metrics[key] = latest;
            }
        }

        var name = meta.RunName.Length > 0 ? meta.RunName : tags.GetValueOrDefault(TrackingKeys.RunNameTag, string.Empty);
        return new RunInfo(
            meta.RunId,
            meta.ExperimentId,
            name,
            meta.Status,
            Time(meta.StartTime),
            Time(meta.EndTime),
            meta.ArtifactUri,
            meta.LifecycleStage,
            meta.UserId,
            ReadKeyFiles(Path.Combine(runDirectory, FileStorePaths.ParamsFolder)),
            tags,
            metrics,
            FileStoreDatasets.Read(runDirectory));
    }

    private static List<MetricPoint> ReadMetricFile(string path)
    {
        var points = new List<MetricPoint>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, FileStorePaths.Utf8);
        while (reader.ReadLine() is { } line)
        {
            // "timestamp value [step]"; a line still being appended (no step yet, or cut) is skipped.
            var parts = line.Trim().Split(' ');
            if (parts.Length is 2 or 3
                && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp)
                && PythonFloat.TryParse(parts[1], out var value))
            {
                long step = 0;
                if (parts.Length == 3 && !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out step))
                {
                    continue;
                }

                points.Add(new MetricPoint(timestamp, value, step));
            }
        }

        return points;
    }

    private static DateTimeOffset? Time(long? milliseconds) =>
        milliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static DateTimeOffset? Time(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}

using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Gan.Tracking;

/// <summary>
/// A run in MLflow's file store. The writer task keeps each metric file open for appending behind a buffer,
/// writes params and tags as whole files (as MLflow does), and rewrites <c>meta.yaml</c> atomically.
/// </summary>
internal sealed class FileTrackedRun : QueuedTrackedRun
{
    // Beyond this many open metric files, close them all rather than run out of descriptors.
    private const int MaxOpenMetricFiles = 256;

    private readonly string _runDirectory;
    private readonly string _artifactDirectory;
    private readonly Dictionary<string, StreamWriter> _metricWriters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failedKeys = new(StringComparer.Ordinal);
    private RunMeta _meta;

    private FileTrackedRun(
        RunMeta meta,
        string runDirectory,
        string artifactDirectory,
        IReadOnlyDictionary<string, string> existingParams,
        ILogger logger,
        TimeProvider time,
        TimeSpan endTimeout)
        : base(meta.RunId, meta.ExperimentId, meta.ArtifactUri, existingParams, logger, time, endTimeout)
    {
        _meta = meta;
        _runDirectory = runDirectory;
        _artifactDirectory = artifactDirectory;
    }

    /// <summary>Creates the run object and starts its writer. <paramref name="meta"/> is already on disk.</summary>
    public static FileTrackedRun Open(
        RunMeta meta,
        string runDirectory,
        string artifactDirectory,
        IReadOnlyDictionary<string, string> existingParams,
        ILogger logger,
        TimeProvider time,
        TimeSpan endTimeout)
    {
        var run = new FileTrackedRun(meta, runDirectory, artifactDirectory, existingParams, logger, time, endTimeout);
        run.StartWriter();
        return run;
    }

    /// <inheritdoc />
    protected override ValueTask ApplyBatchAsync(IReadOnlyList<TrackingOperation> batch)
    {
        foreach (var op in batch)
        {
            try
            {
                Apply(op);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // One bad key (say a metric "a" that is also the folder of "a/b") must not stop the rest.
                if (_failedKeys.Add(op.Kind + ":" + op.Key))
                {
                    Logger.LogError(TrackingLogEvents.WriteFailed, ex, "Could not record {Kind} {Key} for run {RunId}", op.Kind, op.Key, RunId);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override ValueTask FlushAsync()
    {
        FlushMetricWriters();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override ValueTask CloseAsync()
    {
        CloseMetricWriters();
        return ValueTask.CompletedTask;
    }

    private void Apply(in TrackingOperation op)
    {
        switch (op.Kind)
        {
            case TrackingOperationKind.Metric:
                var writer = MetricWriter(op.Key);
                writer.Write(op.Timestamp.ToString(CultureInfo.InvariantCulture));
                writer.Write(' ');
                writer.Write(PythonFloat.Format(op.Value));
                writer.Write(' ');
                writer.Write(op.Step.ToString(CultureInfo.InvariantCulture));
                writer.Write('\n');
                break;
            case TrackingOperationKind.Param:
                FileStorePaths.WriteAtomically(FileStorePaths.KeyPath(Path.Combine(_runDirectory, FileStorePaths.ParamsFolder), op.Key), op.Text!);
                break;
            case TrackingOperationKind.Tag:
                FileStorePaths.WriteAtomically(FileStorePaths.KeyPath(Path.Combine(_runDirectory, FileStorePaths.TagsFolder), op.Key), op.Text!);
                if (op.Key == TrackingKeys.RunNameTag && op.Text != _meta.RunName)
                {
                    // MLflow keeps run_name in meta.yaml in step with the tag.
                    _meta = _meta with { RunName = op.Text! };
                    WriteMeta();
                }

                break;
            case TrackingOperationKind.Artifact:
                var target = Path.GetFullPath(Path.Combine(_artifactDirectory, op.Key.Replace('/', Path.DirectorySeparatorChar)));
                FileStorePaths.WriteAtomically(target, op.Content ?? []);
                break;
            case TrackingOperationKind.Model:
                // The file store has no LoggedModel entity: the files go under the run's artifacts, the tag says where.
                var folder = Path.GetFullPath(Path.Combine(_artifactDirectory, op.Key.Replace('/', Path.DirectorySeparatorChar)));
                LoggedModels.WriteFiles(op.Content ?? [], folder);
                Apply(new TrackingOperation(TrackingOperationKind.Tag, LoggedModels.TagKey(op.Key), LoggedModels.TagValue(null, folder), 0, 0, op.Timestamp, null));
                break;
            case TrackingOperationKind.Dataset:
                FileStoreDatasets.Record(Path.GetDirectoryName(_runDirectory)!, _runDirectory, RunId, DatasetInputs.Deserialize(op.Text!));
                break;
            case TrackingOperationKind.End:
                FlushMetricWriters();
                _meta = _meta with { Status = (RunStatus)op.Step, EndTime = op.Timestamp };
                WriteMeta();
                break;
        }
    }

    private void WriteMeta() =>
        FileStorePaths.WriteAtomically(Path.Combine(_runDirectory, FileStorePaths.MetaFile), _meta.ToYaml(onCreate: false), durable: true);

    private StreamWriter MetricWriter(string key)
    {
        if (_metricWriters.TryGetValue(key, out var writer))
        {
            return writer;
        }

        if (_metricWriters.Count >= MaxOpenMetricFiles)
        {
            CloseMetricWriters();
        }

        var path = FileStorePaths.KeyPath(Path.Combine(_runDirectory, FileStorePaths.MetricsFolder), key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
        writer = new StreamWriter(stream, FileStorePaths.Utf8, bufferSize: 16 * 1024) { AutoFlush = false };
        _metricWriters[key] = writer;
        return writer;
    }

    private void FlushMetricWriters()
    {
        foreach (var writer in _metricWriters.Values)
        {
            writer.Flush();
        }
    }

    private void CloseMetricWriters()
    {
        foreach (var writer in _metricWriters.Values)
        {
            writer.Dispose();
        }

        _metricWriters.Clear();
    }
}

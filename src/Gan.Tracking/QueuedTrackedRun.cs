using System.Collections.Concurrent;
using Gan.Abstractions;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Gan.Tracking;

/// <summary>
/// The backend-independent half of a run: MLflow's key and value rules, param immutability, image naming,
/// and the queue. Logging calls validate on the caller's thread (cheap, no I/O), enqueue and return; one
/// background task hands batches to the backend (<see cref="ApplyBatchAsync"/>) and flushes it at least once a
/// second. The file store implements it now; the REST client can implement it the same way.
/// </summary>
internal abstract class QueuedTrackedRun : ITrackedRun
{
    /// <summary>Longest a backend may keep records buffered.</summary>
    protected static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long the writer lets records gather between passes.</summary>
    private static readonly TimeSpan CollectInterval = TimeSpan.FromMilliseconds(200);

    private const int MaxBatch = 512;

    // Marks the thumbnail of a logged image, still holding the full image until the writer scales it.
    private const string ThumbnailMarker = "\0thumbnail";

    private readonly Channel<TrackingOperation> _queue = Channel.CreateUnbounded<TrackingOperation>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    private readonly ConcurrentDictionary<string, string> _params;
    private readonly ConcurrentDictionary<string, string> _sanitizedKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _warnedOnce = new(StringComparer.Ordinal);

    // The last point of each metric, so a logged model can carry exactly the run's final values (see LogModel).
    private readonly ConcurrentDictionary<string, MetricPoint> _lastPoints = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _endTimeout;
    private Task _writer = Task.CompletedTask;
    private int _closed;
    private int _imagesTagged;

    protected QueuedTrackedRun(
        string runId,
        string experimentId,
        string artifactUri,
        IReadOnlyDictionary<string, string> existingParams,
        ILogger logger,
        TimeProvider time,
        TimeSpan endTimeout)
    {
        RunId = runId;
        ExperimentId = experimentId;
        ArtifactUri = artifactUri;
        Logger = logger;
        _time = time;
        _endTimeout = endTimeout;
        _params = new ConcurrentDictionary<string, string>(existingParams, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public string RunId { get; }

    /// <inheritdoc />
    public string ExperimentId { get; }

    /// <inheritdoc />
    public string ArtifactUri { get; }

    /// <summary>Where problems are reported instead of thrown.</summary>
    protected ILogger Logger { get; }

    /// <inheritdoc />
    public void LogMetric(string key, double value, long step)
    {
        try
        {
            if (Accepting())
            {
                var clean = Sanitize(key);
                var now = NowMs();
                _lastPoints[clean] = new MetricPoint(now, value, step);
                Enqueue(new TrackingOperation(TrackingOperationKind.Metric, clean, null, value, step, now, null));
            }
        }
        catch (Exception ex)
        {
            Logger.LogError(TrackingLogEvents.CallFailed, ex, "Could not queue metric {Key} for run {RunId}", key, RunId);
        }
    }

    /// <inheritdoc />
    public void LogMetrics(IReadOnlyDictionary<string, double> values, long step)
    {
        try
        {
            if (values is null || !Accepting())
            {
                return;
            }

            // One timestamp for the whole set, as MLflow's log_metrics does.
            var now = NowMs();
            foreach (var (key, value) in values)
            {
                var clean = Sanitize(key);
                _lastPoints[clean] = new MetricPoint(now, value, step);
                Enqueue(new TrackingOperation(TrackingOperationKind.Metric, clean, null, value, step, now, null));
            }
        }
        catch (Exception ex)
        {
            Logger.LogError(TrackingLogEvents.CallFailed, ex, "Could not queue metrics for run {RunId}", RunId);
        }
    }

    /// <inheritdoc />
    public void LogParam(string key, string value)
    {
        try
        {
            if (!Accepting())
            {
                return;
            }

            var k = Sanitize(key);
            var v = TruncateValue(k, value ?? string.Empty, TrackingKeys.MaxParamValueLength, "param");
            var first = _params.GetOrAdd(k, v);
            if (ReferenceEquals(first, v))
            {
                Enqueue(new TrackingOperation(TrackingOperationKind.Param, k, v, 0, 0, NowMs(), null));
            }
            else if (!string.Equals(first, v, StringComparison.Ordinal) && _warnedOnce.TryAdd("param:" + k, 0))
            {
                // MLflow rejects a changed param; keeping the first and saying so never stops training.
                Logger.LogWarning(
                    TrackingLogEvents.ParamConflict,
                    "Param {Key} was already logged as {FirstValue}; ignoring new value {NewValue} (params are immutable) in run {RunId}",
                    k, first, v, RunId);
            }
        }
        catch (Exception ex)
        {
            Logger.LogError(TrackingLogEvents.CallFailed, ex, "Could not queue param {Key} for run {RunId}", key, RunId);
        }
    }

    /// <inheritdoc />
    public void SetTag(string key, string value)
    {
        try
        {
            if (Accepting())
            {
                var k = Sanitize(key);
                var v = TruncateValue(k, value ?? string.Empty, TrackingKeys.MaxTagValueLength, "tag");
                Enqueue(new TrackingOperation(TrackingOperationKind.Tag, k, v, 0, 0, NowMs(), null));
            }
        }
        catch (Exception ex)
        {
            Logger.LogError(TrackingLogEvents.CallFailed, ex, "Could not queue tag {Key} for run {RunId}", key, RunId);
        }
    }

    /// <inheritdoc />
    public void LogArtifact(string artifactPath, byte[] content)
    {
        try
        {
            if (!Accepting())
            {
                return;
            }

            if (NormalizeArtifactPath(artifactPath) is not { } path || content is null)
            {
                Logger.LogWarning(
                    TrackingLogEvents.InvalidArtifactPath,
                    "Artifact path {Path} is not a relative path inside the run (or has no content); not stored in run {RunId}",
                    artifactPath, RunId);
                return;
            }

            // A private copy: the caller may reuse its buffer as soon as we return.
            Enqueue(new TrackingOperation(TrackingOperationKind.Artifact, path, null, 0, 0, NowMs(), (byte[])content.Clone()));
        }
        catch (Exception ex)
        {
            Logger.LogError(TrackingLogEvents.CallFailed, ex, "Could not queue artifact {Path} for run {RunId}", artifactPath, RunId);
        }
    }

    /// <inheritdoc />
    public void LogImage(string key, byte[] png, long step)
    {
        try
        {
            if (!Accepting() || png is null)
            {
                return;
            }

            var now = NowMs();
            var copy = (byte[])png.Clone();
            var (full, thumbnail) = ImageArtifactPaths(key, step, now);
            Enqueue(new TrackingOperation(TrackingOperationKind.Artifact, full, null, 0, 0, now, copy));
            // The writer makes the small copy: decoding and scaling a grid has no place on the training thread.
            Enqueue(new TrackingOperation(TrackingOperationKind.Artifact, thumbnail, ThumbnailMarker, 0, 0, now, copy));
            if (Interlocked.Exchange(ref _imagesTagged, 1) == 0)
            {
                // MLflow sets str(True); the UI only shows the image grid for runs carrying this tag.
                Enqueue(new TrackingOperation(TrackingOperationKind.Tag, TrackingKeys.LoggedImagesTag, "True", 0, 0, now, null));
            }
        }
        catch (Exception ex)
        {
            Logger.LogError(TrackingLogEvents.CallFailed, ex, "Could not queue image {Key} for run {RunId}", key, RunId);
        }
    }

    /// <inheritdoc />
    public void LogDatasets(IReadOnlyList<DatasetInfo> datasets)
    {
        try
        {
            if (datasets is null || !Accepting())
            {
                return;
            }

            var now = NowMs();
            foreach (var dataset in datasets)
            {
                var input = DatasetInputs.From(dataset);
                Enqueue(new TrackingOperation(TrackingOperationKind.Dataset, input.Dataset.Name, DatasetInputs.Serialize(input), 0, 0, now, null));
            }
        }
        catch (Exception ex)
        {
            Logger.LogError(TrackingLogEvents.CallFailed, ex, "Could not queue datasets for run {RunId}", RunId);
        }
    }

    /// <inheritdoc />
    public void LogModel(LoggedModelRequest model)
    {
        try
        {
            if (model is null || !Accepting())
            {
                return;
            }

            var path = NormalizeArtifactPath(model.ArtifactPath);
            if (path is null)
            {
                Logger.LogWarning(TrackingLogEvents.InvalidArtifactPath, "Model path {Path} is not a relative path inside the run; not recorded", model.ArtifactPath);
                return;
            }

            var request = model with { ArtifactPath = path };
            var now = NowMs();
            var points = request.Metrics
                .Select(m => _lastPoints.TryGetValue(Sanitize(m.Key), out var last) && last.Step == model.Step && last.Value.Equals(m.Value)
                    ? last
                    : new MetricPoint(now, m.Value, model.Step))
                .ToList();
            Enqueue(new TrackingOperation(TrackingOperationKind.Model, path, LoggedModels.Header(request, points), 0, model.Step, now, LoggedModels.Pack(model.Files)));
        }
        catch (Exception ex)
        {
            Logger.LogError(TrackingLogEvents.CallFailed, ex, "Could not queue model {Path} for run {RunId}", model?.ArtifactPath, RunId);
        }
    }

    /// <inheritdoc />
    public async Task EndAsync(RunStatus status, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryWrite(new TrackingOperation(TrackingOperationKind.End, string.Empty, null, 0, (long)status, NowMs(), null));
        _queue.Writer.TryComplete();
        await WaitForWriterAsync(ct);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Without EndAsync the status is left as it is: the engine always ends runs, and a crash mid-run
        // should look like a run that never finished rather than one that did.
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _queue.Writer.TryComplete();
        }

        await WaitForWriterAsync(CancellationToken.None);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// MLflow's time-stepped image names (client.log_image): <c>images/{key with / as #}%step%{step}%timestamp%{ms}%{uuid}.png</c>
    /// and the thumbnail <c>...%compressed.webp</c>. We have no WebP encoder, and the UI's image reducer accepts
    /// <c>png</c> for either file, so the thumbnail is a scaled-down PNG (<see cref="PngThumbnail"/>) named
    /// <c>...%compressed.png</c>.
    /// </summary>
    internal static (string Full, string Thumbnail) ImageArtifactPaths(string key, long step, long timestampMs)
    {
        var imageKey = TrackingKeys.SanitizeImageKey(key).Replace('/', '#');
        // MLflow starts the uuid with a letter after 'f' so it is never read as a hex number.
        var uuid = Guid.NewGuid().ToString("D");
        uuid = (char)('g' + Random.Shared.Next(20)) + uuid[1..];
        var stem = string.Create(
            CultureInfo.InvariantCulture,
            $"images/{imageKey}%step%{step}%timestamp%{timestampMs}%{uuid}");
        return (stem + ".png", stem + "%compressed.png");
    }

    /// <summary>Starts the background writer; derived classes call it once they are fully constructed.</summary>
    protected void StartWriter() => _writer = Task.Run(WriteLoopAsync);

    /// <summary>Records a batch, in order. Runs on the writer task only.</summary>
    protected abstract ValueTask ApplyBatchAsync(IReadOnlyList<TrackingOperation> batch);

    /// <summary>Pushes buffered records to storage. Runs on the writer task only.</summary>
    protected abstract ValueTask FlushAsync();

    /// <summary>Releases files or connections after the last batch. Runs on the writer task only.</summary>
    protected abstract ValueTask CloseAsync();

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<TrackingOperation>(MaxBatch);
        var sinceFlush = Stopwatch.StartNew();
        var dirty = false;
        try
        {
            while (true)
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var op))
                {
                    batch.Add(op);
                }

                if (batch.Count > 0)
                {
                    MakeThumbnails(batch);
                    await GuardAsync(() => ApplyBatchAsync(batch), "write");
                    batch.Clear();
                    dirty = true;
                }

                if (dirty && sinceFlush.Elapsed >= FlushInterval)
                {
                    await GuardAsync(FlushAsync, "flush");
                    dirty = false;
                    sinceFlush.Restart();
                }

                if (reader.TryPeek(out _))
                {
                    continue;
                }

                if (reader.Completion.IsCompleted)
                {
                    break;
                }

                // Collect records for a moment instead of waking for each one: a wake-up per record would put a
                // thread hop beside every training step, which costs real time on a machine with few cores.
                await Task.WhenAny(reader.Completion, Task.Delay(CollectInterval));
            }
        }
        finally
        {
            await GuardAsync(FlushAsync, "flush");
            await GuardAsync(CloseAsync, "close");
        }
    }

    private void MakeThumbnails(List<TrackingOperation> batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i] is { Kind: TrackingOperationKind.Artifact, Text: ThumbnailMarker, Content: { } image } op)
            {
                byte[] thumbnail;
                try
                {
                    thumbnail = PngThumbnail.Create(image);
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
                {
                    Logger.LogWarning(TrackingLogEvents.CallFailed, "Image {Path} of run {RunId} could not be scaled down ({Message}); the gallery shows it full size", op.Key, RunId, ex.Message);
                    thumbnail = image;
                }

                batch[i] = op with { Text = null, Content = thumbnail };
            }
        }
    }

    private async Task WaitForWriterAsync(CancellationToken ct)
    {
        try
        {
            await _writer.WaitAsync(_endTimeout, ct);
        }
        catch (TimeoutException)
        {
            Logger.LogError(
                TrackingLogEvents.EndTimedOut,
                "Tracking for run {RunId} did not finish writing within {Timeout}; records still queued may be lost",
                RunId, _endTimeout);
        }
    }

    private async Task GuardAsync(Func<ValueTask> action, string what)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            Logger.LogError(TrackingLogEvents.WriteFailed, ex, "Tracking {What} failed for run {RunId}", what, RunId);
        }
    }

    private void Enqueue(in TrackingOperation op) => _queue.Writer.TryWrite(op);

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private bool Accepting()
    {
        if (Volatile.Read(ref _closed) == 0)
        {
            return true;
        }

        if (_warnedOnce.TryAdd("ended", 0))
        {
            Logger.LogWarning(TrackingLogEvents.LoggedAfterEnd, "Run {RunId} has ended; further logging is ignored", RunId);
        }

        return false;
    }

    private string Sanitize(string key)
    {
        key ??= string.Empty;
        if (_sanitizedKeys.TryGetValue(key, out var known))
        {
            return known;
        }

        var clean = TrackingKeys.SanitizeKey(key);
        if (!string.Equals(clean, key, StringComparison.Ordinal))
        {
            Logger.LogInformation(TrackingLogEvents.KeySanitized, "Key {Key} recorded as {Sanitized} (MLflow key rules)", key, clean);
        }

        // The cache bounds the cost of logging the same key every step; keys are few per run.
        _sanitizedKeys.TryAdd(key, clean);
        return clean;
    }

    private string TruncateValue(string key, string value, int limit, string kind)
    {
        var kept = TrackingKeys.Truncate(value, limit, out var truncated);
        if (truncated && _warnedOnce.TryAdd("truncated:" + kind + ":" + key, 0))
        {
            Logger.LogWarning(
                TrackingLogEvents.ValueTruncated,
                "Value of {Kind} {Key} has {Length} characters; MLflow keeps at most {Limit}, so it was truncated in run {RunId}",
                kind, key, value.Length, limit, RunId);
            Enqueue(new TrackingOperation(
                TrackingOperationKind.Tag,
                TrackingKeys.TruncatedTagKey(key),
                TrackingKeys.TruncationNote(value.Length, kept.Length),
                0, 0, NowMs(), null));
        }

        return kept;
    }

    private static string? NormalizeArtifactPath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) || path.StartsWith('/'))
        {
            return null;
        }

        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => segment != ".")
            .ToArray();
        return segments.Length == 0 || segments.Contains("..") ? null : string.Join('/', segments);
    }
}

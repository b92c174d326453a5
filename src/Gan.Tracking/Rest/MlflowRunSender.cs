using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gan.Tracking;

/// <summary>
/// Sends one run's records to the server in order: consecutive metrics/params/tags as chunked
/// <c>runs/log-batch</c> requests, artifacts through the artifact proxy, the end as <c>runs/update</c>.
/// Retries connection errors, timeouts, 429 and 5xx with exponential back-off and jitter.
/// <para>
/// Idempotency: after a failure whose request may still have reached the server (a timeout, a dropped
/// connection, a 5xx from a proxy after the backend wrote), the next attempt first reads the metric history
/// of the keys it is about to send and leaves out the points already there. MLflow's SQL store would drop
/// exact duplicates itself, but its file store and older servers append them, so the client cannot rely on it.
/// Params (same value again is accepted), tags, artifacts (PUT) and the status update are idempotent already.
/// </para>
/// </summary>
internal sealed class MlflowRunSender
{
    private readonly MlflowRestClient _client;
    private readonly string _runId;
    private readonly string _experimentId;
    private readonly string? _artifactRoot;
    private readonly MlflowRestOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, byte> _reported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(long Step, long Timestamp, double Value)>> _history = new(StringComparer.Ordinal);

    public MlflowRunSender(MlflowRestClient client, string runId, string experimentId, string artifactUri, MlflowRestOptions options, ILogger logger)
    {
        _client = client;
        _runId = runId;
        _experimentId = experimentId;
        _artifactRoot = MlflowRestClient.ArtifactProxyPath(artifactUri);
        _options = options;
        _logger = logger;
    }

    /// <summary>Set after a failure that may have delivered: the next send checks the server's history first.</summary>
    public bool VerifyBeforeSend { get; set; }

    /// <summary>No retry is started after this instant (the run is ending).</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>Why the last attempt failed, for the offline message.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Requests sent, for tests and the benchmark.</summary>
    public int Requests { get; private set; }

    /// <summary>
    /// Sends <paramref name="lines"/> from the start and returns how many were handled (delivered, or refused
    /// for good and reported). Stops at the first request it gave up on after <paramref name="retryBudget"/>.
    /// </summary>
    public async Task<int> SendAsync(IReadOnlyList<SpoolLine> lines, TimeSpan retryBudget, CancellationToken ct)
    {
        var handled = 0;
        while (handled < lines.Count)
        {
            var count = lines[handled].IsBatchable ? LogBatchChunker.NextChunk(lines, handled) : 1;
            var unit = new List<SpoolLine>(count);
            for (var i = 0; i < count; i++)
            {
                unit.Add(lines[handled + i]);
            }

            if (!await SendUnitAsync(unit, retryBudget, ct))
            {
                return handled;
            }

            handled += count;
        }

        return handled;
    }

    private async Task<bool> SendUnitAsync(List<SpoolLine> unit, TimeSpan retryBudget, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await SendOnceAsync(unit, ct);
                VerifyBeforeSend = false;
                _history.Clear();
                return true;
            }
            catch (MlflowApiException ex) when (!ex.IsRetryable)
            {
                return await RefusedAsync(unit, ex, retryBudget, ct);
            }
            catch (Exception ex) when (MlflowRestClient.IsTransient(ex, ct))
            {
                VerifyBeforeSend = true;
                _history.Clear();
                LastFailure = MlflowRestClient.Describe(ex);
                var delay = _options.Backoff(attempt, (ex as MlflowApiException)?.RetryAfter);
                var now = DateTimeOffset.UtcNow;
                if (now + delay - started > retryBudget || (Deadline is { } deadline && now + delay > deadline))
                {
                    return false;
                }

                _logger.LogDebug("MLflow request failed ({Reason}); retry {Attempt} in {Delay}", LastFailure, attempt + 1, delay);
                await Task.Delay(delay, ct);
            }
        }
    }

    private async Task SendOnceAsync(List<SpoolLine> unit, CancellationToken ct)
    {
        Requests++;
        var first = unit[0];
        switch (first.Kind)
        {
            case SpoolLine.ArtifactKind:
                if (_artifactRoot is null)
                {
                    throw new MlflowApiException(System.Net.HttpStatusCode.BadRequest, "UNSUPPORTED_ARTIFACT_URI",
                        "the run's artifact location is not served through the MLflow artifact proxy (start the server with --serve-artifacts)");
                }

                await _client.UploadArtifactAsync(_artifactRoot, first.Key!, first.Content ?? [], ct);
                break;
            case SpoolLine.ModelKind:
                await SendModelAsync(first, ct);
                break;
            case SpoolLine.DatasetKind:
                await _client.LogInputsAsync(_runId, DatasetInputs.Deserialize(first.Text!), ct);
                break;
            case SpoolLine.EndKind:
                await _client.UpdateRunAsync(_runId, (RunStatus)(first.Status ?? (int)RunStatus.Finished), first.Timestamp, ct);
                break;
            default:
                var toSend = VerifyBeforeSend ? await WithoutDeliveredAsync(unit, ct) : unit;
                if (toSend.Count > 0)
                {
                    await _client.LogBatchAsync(Serialize(toSend), ct);
                }

                break;
        }
    }

    // An MLflow 3 LoggedModel through the logged-models endpoints: created (PENDING) with its params and tags, its
    // files uploaded to the model's artifact location, finalized READY, then the run's final metrics logged with the
    // model's id (which attaches them to the model) and the run tagged with where the model is. A retry after a
    // failure part-way creates the model again; the unfinished one stays PENDING, which MLflow's UI shows as such.
    private async Task SendModelAsync(SpoolLine line, CancellationToken ct)
    {
        var header = LoggedModels.ReadHeader(line.Text!);
        var model = await _client.CreateLoggedModelAsync(new CreateLoggedModelRequest(
            _experimentId, header.Name, header.ModelType, _runId,
            header.Params.Select(p => new KeyValueDto(p.Key, p.Value)).ToList(),
            header.Tags.Select(t => new KeyValueDto(t.Key, t.Value)).ToList()), ct);
        var root = MlflowRestClient.ArtifactProxyPath(model.ArtifactUri ?? string.Empty) ?? throw new MlflowApiException(
            System.Net.HttpStatusCode.BadRequest, "UNSUPPORTED_ARTIFACT_URI",
            $"the model's artifact location {model.ArtifactUri} is not served through the MLflow artifact proxy (start the server with --serve-artifacts)");
        foreach (var (name, content) in LoggedModels.Unpack(line.Content ?? []))
        {
            await _client.UploadArtifactAsync(root, name, content, ct);
        }

        await _client.FinalizeLoggedModelAsync(model.ModelId, ct);
        // The run's own final points (same key, timestamp, step and value) with the model's id: MLflow's SQL store keeps
        // one row per identical point in the run's history and links the point to the model.
        var metrics = header.Metrics.Where(m => double.IsFinite(m.Value))
            .Select(m => new MetricDto(m.Key, m.Value, m.Timestamp, m.Step, model.ModelId)).ToList();
        await _client.LogBatchAsync(MlflowRestClient.SerializeBatch(new LogBatchRequest(_runId, metrics, [],
            [new KeyValueDto(LoggedModels.TagKey(header.ArtifactPath), LoggedModels.TagValue(model.ModelId, model.ArtifactUri!))])), ct);
    }

    private byte[] Serialize(List<SpoolLine> unit)
    {
        var metrics = new List<MetricDto>();
        var parameters = new List<KeyValueDto>();
        var tags = new List<KeyValueDto>();
        foreach (var line in unit)
        {
            switch (line.Kind)
            {
                case SpoolLine.MetricKind: metrics.Add(new MetricDto(line.Key!, line.Value ?? double.NaN, line.Timestamp, line.Step ?? 0)); break;
                case SpoolLine.ParamKind: parameters.Add(new KeyValueDto(line.Key!, line.Text ?? string.Empty)); break;
                default: tags.Add(new KeyValueDto(line.Key!, line.Text ?? string.Empty)); break;
            }
        }

        return MlflowRestClient.SerializeBatch(new LogBatchRequest(_runId, metrics, parameters, tags));
    }

    private async Task<List<SpoolLine>> WithoutDeliveredAsync(List<SpoolLine> unit, CancellationToken ct)
    {
        foreach (var key in unit.Where(l => l.Kind == SpoolLine.MetricKind).Select(l => l.Key!).Distinct(StringComparer.Ordinal))
        {
            if (!_history.ContainsKey(key))
            {
                var points = await _client.GetMetricHistoryAsync(_runId, key, ct);
                _history[key] = points.Select(p => (p.Step, p.Timestamp, p.Value)).ToHashSet();
            }
        }

        return unit.Where(l => l.Kind != SpoolLine.MetricKind || !_history[l.Key!].Contains((l.Step ?? 0, l.Timestamp, l.Value ?? double.NaN))).ToList();
    }

    private async Task<bool> RefusedAsync(List<SpoolLine> unit, MlflowApiException ex, TimeSpan retryBudget, CancellationToken ct)
    {
        if (unit.Count > 1 && ex.ErrorCode == "INVALID_PARAMETER_VALUE")
        {
            // One bad record refuses the whole batch: halve until it is alone, so the rest still lands.
            var half = unit.Count / 2;
            return await SendUnitAsync(unit[..half], retryBudget, ct) && await SendUnitAsync(unit[half..], retryBudget, ct);
        }

        var line = unit[0];
        var what = unit.Count == 1 ? $"{line.Kind} '{line.Key ?? "status"}'" : $"a batch of {unit.Count} records";
        if (_reported.TryAdd(ex.ErrorCode + ":" + line.Kind + ":" + line.Key, 0))
        {
            _logger.LogWarning(
                TrackingLogEvents.Refused,
                "MLflow refused {What} of run {RunId}: {Error} {Message} (not retried)",
                what, _runId, ex.ErrorCode, ex.ServerMessage);
        }

        return true;
    }
}

using Gan.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Tracking;

/// <summary>
/// Records runs on an MLflow tracking server through its REST API 2.0.
/// <para>
/// A run starts only once the server has created it: <see cref="StartRunAsync"/> retries an unreachable server
/// for <see cref="MlflowRestOptions.StartTimeout"/> and then fails with a message saying what to do. MLflow gives
/// run ids out on the server, and the run id names the checkpoint folder and links child runs to their parent,
/// so training under a made-up local id would leave checkpoints and nesting pointing at a run that never exists.
/// Once started, a run never fails for tracking reasons: it spools and replays (see <see cref="RestTrackedRun"/>).
/// </para>
/// </summary>
public sealed class RestTrackingStore : ITrackingStore, IDisposable
{
    private readonly MlflowHttp _http;
    private readonly MlflowRestClient _client;
    private readonly MlflowRestOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<(string Key, long Step)>> _storedPastResume = new(StringComparer.Ordinal);

    /// <summary>A store for the server of <paramref name="connection"/>.</summary>
    public RestTrackingStore(MlflowConnection connection, MlflowRestOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _http = new MlflowHttp(connection);
        _client = new MlflowRestClient(_http);
        _options = options ?? new MlflowRestOptions();
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<RestTrackingStore>();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The server (no credentials).</summary>
    public MlflowConnection Connection => _http.Connection;

    /// <inheritdoc />
    public string Description => $"MLflow server at {Connection.DisplayUri} (spool {_options.SpoolDirectory})";

    internal MlflowRestClient Client => _client;

    /// <inheritdoc />
    public async Task<ITrackedRun> StartRunAsync(RunStartRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = DateTimeOffset.UtcNow;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return request.ExistingRunId is { Length: > 0 } existing
                    ? await ReopenAsync(existing, request, ct)
                    : await CreateAsync(request, ct);
            }
            catch (Exception ex) when (MlflowRestClient.IsTransient(ex, ct))
            {
                var delay = _options.Backoff(attempt, (ex as MlflowApiException)?.RetryAfter);
                if (DateTimeOffset.UtcNow + delay - started > _options.StartTimeout)
                {
                    throw new GanInputException(
                        $"Tracking URI {Connection.DisplayUri}: the MLflow server did not answer within {_options.StartTimeout.TotalSeconds:0.#} s " +
                        $"({MlflowRestClient.Describe(ex)}). Start the server (mlflow server --host ... --port ...), check the URI, or record " +
                        "locally with MLFLOW_TRACKING_URI=./mlruns (or tracking.uri in the experiment).");
                }

                _logger.LogWarning("MLflow server {Server} is not answering ({Reason}); retrying in {Delay:0.0} s", Connection.DisplayUri, MlflowRestClient.Describe(ex), delay.TotalSeconds);
                await Task.Delay(delay, ct);
            }
            catch (MlflowApiException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                throw new GanInputException(
                    $"Tracking URI {Connection.DisplayUri}: the server refused the credentials ({(int)ex.StatusCode}, auth: {Connection.AuthenticationKind}). " +
                    $"Set {MlflowConnection.TokenVariable}, or {MlflowConnection.UsernameVariable} and {MlflowConnection.PasswordVariable}.");
            }
            catch (MlflowApiException ex)
            {
                throw new GanInputException($"Tracking URI {Connection.DisplayUri}: {ex.Message}");
            }
        }
    }

    /// <summary>Finds the experiment by name or creates it; a concurrent creator of the same name wins and we use theirs.</summary>
    internal async Task<string> GetOrCreateExperimentAsync(string name, CancellationToken ct)
    {
        var experimentName = string.IsNullOrWhiteSpace(name) ? "Default" : name;
        if (await _client.GetExperimentByNameAsync(experimentName, ct) is { } found)
        {
            return found.ExperimentId;
        }

        try
        {
            var id = await _client.CreateExperimentAsync(experimentName, ct);
            _logger.LogInformation(TrackingLogEvents.StoreCreated, "Created experiment {ExperimentName} (id {ExperimentId}) on {Server}", experimentName, id, Connection.DisplayUri);
            return id;
        }
        catch (MlflowApiException ex) when (ex.ErrorCode == "RESOURCE_ALREADY_EXISTS")
        {
            // Someone created it between our look-up and our create: theirs is the one.
            return (await _client.GetExperimentByNameAsync(experimentName, ct))?.ExperimentId
                ?? throw new GanInputException($"Experiment '{experimentName}' exists on {Connection.DisplayUri} but cannot be read (deleted? restore it or choose another name).");
        }
    }

    private async Task<ITrackedRun> CreateAsync(RunStartRequest request, CancellationToken ct)
    {
        var experimentId = await GetOrCreateExperimentAsync(request.ExperimentName, ct);
        var runName = request.RunName is { Length: > 0 } name
            ? name
            : request.Tags.GetValueOrDefault(TrackingKeys.RunNameTag) ?? string.Empty;
        var user = request.Tags.GetValueOrDefault(MlflowTags.User) ?? Environment.UserName;
        var tags = new List<KeyValueDto>();
        if (runName.Length > 0)
        {
            tags.Add(new KeyValueDto(TrackingKeys.RunNameTag, runName));
        }

        if (request.ParentRunId is { Length: > 0 } parent)
        {
            // In the create call, so the UI nests the run from its first appearance.
            tags.Add(new KeyValueDto(TrackingKeys.ParentRunIdTag, parent));
        }

        var run = await _client.CreateRunAsync(
            new CreateRunRequest(experimentId, user, runName.Length > 0 ? runName : null, _time.GetUtcNow().ToUnixTimeMilliseconds(), tags), ct);
        var tracked = RestTrackedRun.Open(_client, run.Info, new Dictionary<string, string>(), _options, _loggerFactory.CreateLogger<RestTrackedRun>(), _time);
        // The run name and parent went with the create call already.
        ApplyTags(tracked, RunStartTags.For(request with { ParentRunId = null }, runName: null, creating: true));
        return tracked;
    }

    private async Task<ITrackedRun> ReopenAsync(string runId, RunStartRequest request, CancellationToken ct)
    {
        RunDto run;
        try
        {
            run = await _client.GetRunAsync(runId, ct);
        }
        catch (MlflowApiException ex) when (ex.IsNotFound)
        {
            throw new GanInputException($"Cannot resume run '{runId}': it is not on {Connection.DisplayUri}.");
        }

        await _client.UpdateRunAsync(runId, RunStatus.Running, null, ct);
        var existingParams = (run.Data?.Params ?? []).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var tracked = RestTrackedRun.Open(_client, run.Info, existingParams, _options, _loggerFactory.CreateLogger<RestTrackedRun>(), _time,
            _storedPastResume.TryRemove(runId, out var stored) ? stored : null);
        ApplyTags(tracked, RunStartTags.For(request, request.RunName is { Length: > 0 } name ? name : null, creating: false));
        return tracked;
    }

    private static void ApplyTags(RestTrackedRun run, IEnumerable<KeyValuePair<string, string>> tags)
    {
        foreach (var (key, value) in tags)
        {
            run.SetTag(key, value);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// MLflow's REST API has no call that deletes metric values, so values logged after <paramref name="lastStep"/>
    /// stay on the server (counted in <see cref="MetricHistoryTrim.Remaining"/>) and the run, when reopened by this
    /// store, does not send those (key, step) pairs again; the steps the server holds are returned so values the
    /// interrupted run never delivered are logged again.
    /// </remarks>
    public async Task<MetricHistoryTrim?> TrimMetricHistoryAsync(string runId, long lastStep, CancellationToken ct)
    {
        RunDto run;
        try
        {
            run = await _client.GetRunAsync(runId, ct);
        }
        catch (MlflowApiException ex) when (ex.IsNotFound)
        {
            return new MetricHistoryTrim(0, 0, new Dictionary<string, IReadOnlySet<long>>());
        }

        var stored = new Dictionary<string, IReadOnlySet<long>>(StringComparer.Ordinal);
        var pastResume = new HashSet<(string Key, long Step)>();
        foreach (var key in (run.Data?.Metrics ?? []).Select(m => m.Key).Distinct(StringComparer.Ordinal))
        {
            var history = await _client.GetMetricHistoryAsync(runId, key, ct);
            stored[key] = history.Select(m => m.Step).ToHashSet();
            pastResume.UnionWith(history.Where(m => m.Step > lastStep).Select(m => (key, m.Step)));
        }

        if (pastResume.Count > 0)
        {
            _storedPastResume[runId] = pastResume;
            _logger.LogInformation(
                "{Count} metric value(s) of run {RunId} were logged after step {Step}; MLflow's REST API cannot delete them, so they stay and the resumed run does not send those steps again",
                pastResume.Count, runId, lastStep);
        }

        return new MetricHistoryTrim(0, pastResume.Count, stored);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}

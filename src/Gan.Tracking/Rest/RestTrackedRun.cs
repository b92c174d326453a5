using Microsoft.Extensions.Logging;

namespace Gan.Tracking;

/// <summary>
/// A run on an MLflow server. Logging calls enqueue and return (<see cref="QueuedTrackedRun"/>); the writer task
/// collects records and sends them about once a second (sooner when 1000 are waiting or the run ends).
/// When a request still fails after <see cref="MlflowRestOptions.RetryBudget"/>, everything waiting and
/// everything after it goes to the run's spool on disk, in order; the writer probes the server with back-off
/// and replays the spool when it answers. Ending a run sends what it can within
/// <see cref="MlflowRestOptions.FlushTimeout"/> and leaves the rest spooled for <c>gan tracking sync</c>.
/// </summary>
internal sealed class RestTrackedRun : QueuedTrackedRun
{
    private readonly MlflowRunSender _sender;
    private readonly RunSpool _spool;
    private readonly SpoolManifest _manifest;
    private readonly MlflowRestOptions _options;
    private readonly List<SpoolLine> _pending = [];
    private bool _offline;
    private int _probes;
    private DateTimeOffset _nextProbe;
    private int _spooledTotal;

    private HashSet<(string Key, long Step)>? _alreadyStored;

    private RestTrackedRun(
        MlflowRestClient client,
        RunInfoDto info,
        IReadOnlyDictionary<string, string> existingParams,
        MlflowRestOptions options,
        ILogger logger,
        TimeProvider time)
        : base(info.RunId, info.ExperimentId, info.ArtifactUri ?? string.Empty, existingParams, logger, time,
            options.FlushTimeout + client.Connection.RequestTimeout * 2 + TimeSpan.FromSeconds(5))
    {
        _options = options;
        _sender = new MlflowRunSender(client, info.RunId, info.ExperimentId, info.ArtifactUri ?? string.Empty, options, logger);
        _spool = new RunSpool(RunSpool.For(options.SpoolDirectory, info.RunId));
        _manifest = new SpoolManifest(client.Connection.DisplayUri, info.ExperimentId, info.RunId, info.ArtifactUri ?? string.Empty,
            time.GetUtcNow().ToUnixTimeMilliseconds());
        _offline = _spool.Exists;
        if (_offline)
        {
            // A resumed run with records left from last time: they go first.
            _sender.VerifyBeforeSend = true;
        }
    }

    /// <summary>Requests sent so far (tests, benchmark).</summary>
    public int Requests => _sender.Requests;

    /// <summary>True while records wait in the spool.</summary>
    public bool Spooling => _offline;

    /// <param name="alreadyStored">Metric (key, step) pairs the server holds past a resume point: not sent again.</param>
    public static RestTrackedRun Open(
        MlflowRestClient client,
        RunInfoDto info,
        IReadOnlyDictionary<string, string> existingParams,
        MlflowRestOptions options,
        ILogger logger,
        TimeProvider time,
        HashSet<(string Key, long Step)>? alreadyStored = null)
    {
        var run = new RestTrackedRun(client, info, existingParams, options, logger, time) { _alreadyStored = alreadyStored };
        run.StartWriter();
        return run;
    }

    /// <inheritdoc />
    protected override async ValueTask ApplyBatchAsync(IReadOnlyList<TrackingOperation> batch)
    {
        var ending = false;
        foreach (var op in batch)
        {
            // MLflow's REST API cannot delete the values a killed run logged after its checkpoint; the resumed run
            // computes the same steps again, so the server's values stand and each step appears once.
            if (op.Kind == TrackingOperationKind.Metric && _alreadyStored is { } stored && stored.Remove((op.Key, op.Step)))
            {
                continue;
            }

            _pending.Add(SpoolLine.From(op));
            ending |= op.Kind == TrackingOperationKind.End;
        }

        if (ending)
        {
            _sender.Deadline = DateTimeOffset.UtcNow + _options.FlushTimeout;
        }

        if (ending || _pending.Count >= LogBatchLimits.MaxMetrics)
        {
            await PushAsync();
        }
    }

    /// <inheritdoc />
    protected override async ValueTask FlushAsync() => await PushAsync();

    /// <inheritdoc />
    protected override async ValueTask CloseAsync()
    {
        _sender.Deadline ??= DateTimeOffset.UtcNow + _options.FlushTimeout;
        await PushAsync();
        if (_offline)
        {
            Logger.LogWarning(
                TrackingLogEvents.LeftSpooled,
                "Run {RunId}: {Count} record(s) could not be sent to {Server} and are kept in {Spool}. Send them when the server is back with: gan tracking sync --spool \"{SpoolRoot}\"",
                RunId, _spool.ReadUnsent().Count, _manifest.TrackingUri, _spool.Directory, _options.SpoolDirectory);
        }
    }

    private async Task PushAsync()
    {
        try
        {
            if (_offline && (_sender.Deadline is not null || DateTimeOffset.UtcNow >= _nextProbe))
            {
                await ReplayAsync();
            }

            if (!_offline && _pending.Count > 0)
            {
                var budget = _options.RetryBudget;
                var handled = await _sender.SendAsync(_pending, budget, CancellationToken.None);
                _pending.RemoveRange(0, handled);
                if (_pending.Count > 0)
                {
                    GoOffline();
                }
            }

            if (_offline && _pending.Count > 0)
            {
                _spool.Append(_pending);
                _spooledTotal += _pending.Count;
                _pending.Clear();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Logger.LogError(TrackingLogEvents.WriteFailed, ex, "Could not write the tracking spool {Spool} of run {RunId}; {Count} record(s) stay in memory", _spool.Directory, RunId, _pending.Count);
        }
    }

    private async Task ReplayAsync()
    {
        var lines = _spool.ReadUnsent();
        _sender.VerifyBeforeSend = true;
        var budget = _sender.Deadline is { } deadline ? deadline - DateTimeOffset.UtcNow : TimeSpan.Zero;
        var handled = await _sender.SendAsync(lines, budget > TimeSpan.Zero ? budget : TimeSpan.Zero, CancellationToken.None);
        _spool.Acknowledge(handled);
        if (handled == lines.Count)
        {
            _spool.Delete();
            _offline = false;
            _probes = 0;
            Logger.LogInformation(TrackingLogEvents.Replayed, "MLflow server {Server} is back: replayed {Count} spooled record(s) of run {RunId}", _manifest.TrackingUri, _spooledTotal, RunId);
            _spooledTotal = 0;
        }
        else
        {
            _nextProbe = DateTimeOffset.UtcNow + _options.Backoff(++_probes);
        }
    }

    private void GoOffline()
    {
        _offline = true;
        _probes = 0;
        _nextProbe = DateTimeOffset.UtcNow + _options.Backoff(0);
        _spool.WriteManifest(_manifest);
        Logger.LogWarning(
            TrackingLogEvents.Spooling,
            "MLflow server {Server} is not answering ({Reason}); run {RunId} keeps training and its records go to {Spool} until it is back",
            _manifest.TrackingUri, _sender.LastFailure, RunId, _spool.Directory);
    }
}

using Gan.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Tracking.SystemMetrics;

/// <summary>
/// Samples the machine on a background timer and logs what it reads to a run, as MLflow's system-metrics monitor
/// does: <c>system/...</c> metrics at an incrementing step of their own (0, 1, 2, ...), which MLflow's UI shows in
/// the run's System metrics tab; plus <c>throughput/steps_per_second</c> and <c>throughput/examples_per_second</c>
/// over each interval, at the training step reached, so they chart beside the losses. Never throws into training.
/// </summary>
public sealed class SystemMetricsSampler : IAsyncDisposable
{
    private readonly IRunTracker _tracker;
    private readonly IReadOnlyList<ISystemMetricSource> _sources;
    private readonly ThroughputCounter? _throughput;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);
    private Task _loop = Task.CompletedTask;
    private long _sample;
    private (long Steps, long Examples, long Ticks)? _lastThroughput;

    public SystemMetricsSampler(
        IRunTracker tracker,
        IReadOnlyList<ISystemMetricSource> sources,
        ThroughputCounter? throughput = null,
        ILogger? logger = null,
        TimeProvider? time = null)
    {
        _tracker = tracker;
        _sources = sources;
        _throughput = throughput;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Takes a first reading (the baseline of rates) and starts sampling every <paramref name="interval"/>.</summary>
    public void Start(TimeSpan interval)
    {
        SampleNow(log: false);
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval, _time);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    SampleNow();
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    /// <summary>Reads every source once and logs the values (the baseline reading only primes the rates).</summary>
    internal void SampleNow(bool log = true)
    {
        _values.Clear();
        foreach (var source in _sources)
        {
            try
            {
                source.Sample(_values);
            }
            catch (Exception ex)
            {
                _logger.LogDebug(ex, "System metric source {Source} failed", source.GetType().Name);
            }
        }

        if (log && _values.Count > 0)
        {
            _tracker.LogMetrics(_values, _sample++);
        }

        if (_throughput is not null)
        {
            var (steps, examples, step) = _throughput.Read();
            var now = _time.GetTimestamp();
            if (log && _lastThroughput is { } last && steps > last.Steps)
            {
                var seconds = _time.GetElapsedTime(last.Ticks, now).TotalSeconds;
                if (seconds > 0)
                {
                    _tracker.LogMetrics(
                        new Dictionary<string, double>
                        {
                            ["throughput/steps_per_second"] = (steps - last.Steps) / seconds,
                            ["throughput/examples_per_second"] = (examples - last.Examples) / seconds,
                        },
                        step);
                }
            }

            _lastThroughput = (steps, examples, now);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

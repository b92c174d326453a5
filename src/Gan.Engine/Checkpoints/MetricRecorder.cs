using System.Collections.Concurrent;
using Gan.Abstractions;

namespace Gan.Engine.Checkpoints;

/// <summary>
/// Passes every call through to the run's tracker and remembers the last value of each metric, for
/// "best checkpoint" selection and sweep results, without reading the tracking store back.
/// </summary>
internal sealed class MetricRecorder : IRunTracker
{
    private readonly IRunTracker _inner;
    private readonly ConcurrentDictionary<string, double> _last;
    private readonly List<RecordedMetric> _sinceCheckpoint = [];

    public MetricRecorder(IRunTracker inner, ConcurrentDictionary<string, double>? shared = null)
    {
        _inner = inner;
        _last = shared ?? new(StringComparer.Ordinal);
    }

    /// <summary>The last value logged for each key.</summary>
    public IReadOnlyDictionary<string, double> Last => _last;

    public string RunId => _inner.RunId;

    public void LogMetric(string key, double value, long step)
    {
        _last[key] = value;
        lock (_sinceCheckpoint)
        {
            _sinceCheckpoint.Add(new RecordedMetric(key, value, step));
        }

        _inner.LogMetric(key, value, step);
    }

    public void LogMetrics(IReadOnlyDictionary<string, double> values, long step)
    {
        lock (_sinceCheckpoint)
        {
            foreach (var (key, value) in values)
            {
                _last[key] = value;
                _sinceCheckpoint.Add(new RecordedMetric(key, value, step));
            }
        }

        _inner.LogMetrics(values, step);
    }

    /// <summary>
    /// The values logged since the last call. A checkpoint keeps them because the tracker writes in the
    /// background: after SIGKILL the last few may never have reached the store, and resume logs them again.
    /// </summary>
    public List<RecordedMetric> TakeSinceCheckpoint()
    {
        lock (_sinceCheckpoint)
        {
            var taken = _sinceCheckpoint.ToList();
            _sinceCheckpoint.Clear();
            return taken;
        }
    }

    public void LogParam(string key, string value) => _inner.LogParam(key, value);

    public void SetTag(string key, string value) => _inner.SetTag(key, value);

    public void LogArtifact(string artifactPath, byte[] content) => _inner.LogArtifact(artifactPath, content);

    public void LogImage(string key, byte[] png, long step) => _inner.LogImage(key, png, step);
}

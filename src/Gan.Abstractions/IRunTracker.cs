namespace Gan.Abstractions;

/// <summary>
/// The run being recorded, as plugins see it. Every call enqueues and returns: it never blocks training
/// on I/O and never throws because a tracking server is slow or unreachable.
/// </summary>
public interface IRunTracker
{
    /// <summary>The tracking run's id.</summary>
    string RunId { get; }

    /// <summary>Records a metric value at <paramref name="step"/>.</summary>
    void LogMetric(string key, double value, long step);

    /// <summary>Records several metric values at <paramref name="step"/>.</summary>
    void LogMetrics(IReadOnlyDictionary<string, double> values, long step);

    /// <summary>Records a parameter. Parameters are immutable: logging another value for a key is an error the tracker reports once.</summary>
    void LogParam(string key, string value);

    /// <summary>Sets a tag (mutable).</summary>
    void SetTag(string key, string value);

    /// <summary>Stores <paramref name="content"/> as the artifact <paramref name="artifactPath"/> (forward slashes, relative).</summary>
    void LogArtifact(string artifactPath, byte[] content);

    /// <summary>Stores an image so the MLflow UI shows it in its per-step image gallery under <paramref name="key"/>.</summary>
    void LogImage(string key, byte[] png, long step);
}

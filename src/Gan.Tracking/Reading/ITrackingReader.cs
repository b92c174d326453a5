namespace Gan.Tracking;

/// <summary>Reads runs back from either backend, for <c>gan runs list</c> and <c>gan runs compare</c>.</summary>
public interface ITrackingReader : IDisposable
{
    /// <summary>Where the runs are read from (no credentials).</summary>
    string Description { get; }

    /// <summary>Active experiments.</summary>
    Task<IReadOnlyList<ExperimentInfo>> ListExperimentsAsync(CancellationToken ct);

    /// <summary>The active experiment called <paramref name="name"/>, or null.</summary>
    Task<ExperimentInfo?> FindExperimentByNameAsync(string name, CancellationToken ct);

    /// <summary>The runs of an experiment, oldest first, with params, tags and latest metrics.</summary>
    Task<IReadOnlyList<RunInfo>> ListRunsAsync(string experimentId, CancellationToken ct);

    /// <summary>One run. <exception cref="KeyNotFoundException">No such run.</exception></summary>
    Task<RunInfo> GetRunAsync(string runId, CancellationToken ct);

    /// <summary>Where MLflow LoggedModel <paramref name="modelId"/> keeps its files; null when the store has no such model.</summary>
    Task<ModelLocation?> FindModelAsync(string modelId, CancellationToken ct);

    /// <summary>
    /// A local folder with a logged model's files: its location itself when that is a local folder, otherwise the
    /// files downloaded into <paramref name="cacheFolder"/>.
    /// </summary>
    Task<string> FetchModelAsync(ModelLocation model, string cacheFolder, CancellationToken ct);

    /// <summary>Every recorded value of a metric, in logging order.</summary>
    Task<IReadOnlyList<MetricPoint>> GetMetricHistoryAsync(string runId, string key, CancellationToken ct);
}

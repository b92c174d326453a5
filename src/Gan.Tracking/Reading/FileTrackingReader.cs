namespace Gan.Tracking;

/// <summary><see cref="ITrackingReader"/> over an MLflow file store (wraps <see cref="FileStoreReader"/>).</summary>
public sealed class FileTrackingReader : ITrackingReader
{
    private readonly FileStoreReader _reader;

    /// <summary>Reads the store at <paramref name="rootDirectory"/>.</summary>
    public FileTrackingReader(string rootDirectory) => _reader = new FileStoreReader(rootDirectory);

    /// <inheritdoc />
    public string Description => $"MLflow file store at {_reader.RootDirectory}";

    /// <inheritdoc />
    public Task<IReadOnlyList<ExperimentInfo>> ListExperimentsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ExperimentInfo>>(_reader.ListExperiments().Where(e => e.LifecycleStage == "active").ToList());

    /// <inheritdoc />
    public Task<ExperimentInfo?> FindExperimentByNameAsync(string name, CancellationToken ct) => Task.FromResult(_reader.FindExperimentByName(name));

    /// <inheritdoc />
    public Task<IReadOnlyList<RunInfo>> ListRunsAsync(string experimentId, CancellationToken ct) => Task.FromResult(_reader.ListRuns(experimentId));

    /// <inheritdoc />
    public Task<RunInfo> GetRunAsync(string runId, CancellationToken ct) => Task.FromResult(_reader.GetRun(runId));

    /// <inheritdoc />
    public Task<IReadOnlyList<MetricPoint>> GetMetricHistoryAsync(string runId, string key, CancellationToken ct) =>
        Task.FromResult(_reader.GetMetricHistory(runId, key));

    /// <inheritdoc />
    /// <remarks>MLflow's file store as written here has no LoggedModel entities: only <c>runs:/</c> URIs reach its models.</remarks>
    public Task<ModelLocation?> FindModelAsync(string modelId, CancellationToken ct) => Task.FromResult<ModelLocation?>(null);

    /// <inheritdoc />
    public Task<string> FetchModelAsync(ModelLocation model, string cacheFolder, CancellationToken ct) =>
        Task.FromResult(LoggedModelFiles.LocalFolder(model));

    /// <inheritdoc />
    public void Dispose()
    {
    }
}

namespace Gan.Tracking;

/// <summary><see cref="ITrackingReader"/> over an MLflow server's REST API.</summary>
public sealed class RestTrackingReader : ITrackingReader
{
    private readonly MlflowHttp _http;
    private readonly MlflowRestClient _client;

    /// <summary>Reads from the server of <paramref name="connection"/>.</summary>
    public RestTrackingReader(MlflowConnection connection)
    {
        _http = new MlflowHttp(connection);
        _client = new MlflowRestClient(_http);
    }

    /// <inheritdoc />
    public string Description => $"MLflow server at {_http.Connection.DisplayUri}";

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExperimentInfo>> ListExperimentsAsync(CancellationToken ct) =>
        (await _client.SearchExperimentsAsync(ct)).Where(e => e.LifecycleStage is null or "active").Select(ToInfo).ToList();

    /// <inheritdoc />
    public async Task<ExperimentInfo?> FindExperimentByNameAsync(string name, CancellationToken ct) =>
        await _client.GetExperimentByNameAsync(name, ct) is { } found ? ToInfo(found) : null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunInfo>> ListRunsAsync(string experimentId, CancellationToken ct) =>
        (await _client.SearchRunsAsync(experimentId, ct)).Select(ToInfo).OrderBy(r => r.StartTime).ToList();

    /// <inheritdoc />
    public async Task<RunInfo> GetRunAsync(string runId, CancellationToken ct)
    {
        try
        {
            return ToInfo(await _client.GetRunAsync(runId, ct));
        }
        catch (MlflowApiException ex) when (ex.IsNotFound)
        {
            throw new KeyNotFoundException($"Run '{runId}' not found on {_http.Connection.DisplayUri}.");
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MetricPoint>> GetMetricHistoryAsync(string runId, string key, CancellationToken ct) =>
        (await _client.GetMetricHistoryAsync(runId, key, ct)).Select(m => new MetricPoint(m.Timestamp, m.Value, m.Step)).ToList();

    /// <inheritdoc />
    public async Task<ModelLocation?> FindModelAsync(string modelId, CancellationToken ct) =>
        await _client.GetLoggedModelAsync(modelId, ct) is { ArtifactUri: { } uri } ? new ModelLocation(modelId, uri) : null;

    /// <inheritdoc />
    public async Task<string> FetchModelAsync(ModelLocation model, string cacheFolder, CancellationToken ct)
    {
        if (LoggedModelFiles.TryLocalFolder(model.Location) is { } local)
        {
            return local;
        }

        var root = MlflowRestClient.ArtifactProxyPath(model.Location)
            ?? throw new Gan.Abstractions.GanInputException($"Model {model.ModelId} is at {model.Location}, which the MLflow server does not serve through its artifact proxy.");
        var folder = Path.Combine(cacheFolder, "mlflow-models", model.ModelId ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(model.Location)))[..16]);
        var mlmodel = await _client.DownloadArtifactAsync(root, LoggedModelFiles.MlmodelFile, ct);
        FileStorePaths.WriteAtomically(Path.Combine(folder, LoggedModelFiles.MlmodelFile), mlmodel);
        foreach (var file in LoggedModelFiles.FilesNamedIn(System.Text.Encoding.UTF8.GetString(mlmodel)))
        {
            FileStorePaths.WriteAtomically(Path.Combine(folder, file), await _client.DownloadArtifactAsync(root, file, ct));
        }

        return folder;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static ExperimentInfo ToInfo(ExperimentDto e) =>
        new(e.ExperimentId, e.Name, e.ArtifactLocation ?? string.Empty, e.LifecycleStage ?? "active", Time(e.CreationTime), Time(e.LastUpdateTime));

    private static RunInfo ToInfo(RunDto run)
    {
        var tags = (run.Data?.Tags ?? []).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        return new RunInfo(
            run.Info.RunId,
            run.Info.ExperimentId,
            run.Info.RunName ?? tags.GetValueOrDefault(TrackingKeys.RunNameTag) ?? string.Empty,
            MlflowRestClient.ParseStatus(run.Info.Status),
            Time(run.Info.StartTime),
            Time(run.Info.EndTime),
            run.Info.ArtifactUri ?? string.Empty,
            run.Info.LifecycleStage ?? "active",
            run.Info.UserId ?? string.Empty,
            (run.Data?.Params ?? []).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
            tags,
            (run.Data?.Metrics ?? []).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => new MetricPoint(g.Last().Timestamp, g.Last().Value, g.Last().Step), StringComparer.Ordinal),
            (run.Inputs?.DatasetInputs ?? []).Select(i => DatasetInputs.ToRunDataset(i.Dataset, i.Tags)).OrderBy(d => d.Name, StringComparer.Ordinal).ToList());
    }

    private static DateTimeOffset? Time(long? ms) => ms is { } value and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}

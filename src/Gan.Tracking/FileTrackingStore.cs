using System.Globalization;
using Gan.Abstractions;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Tracking;

/// <summary>
/// The embedded default backend: MLflow's on-disk file-store layout under a root folder, so
/// <c>mlflow ui --backend-store-uri ./mlruns</c> shows the runs. Layout facts follow
/// mlflow/store/tracking/file_store.py: <c>root/&lt;experiment id&gt;/meta.yaml</c>,
/// <c>root/&lt;experiment id&gt;/&lt;run id&gt;/{meta.yaml, metrics/, params/, tags/, artifacts/}</c>,
/// the "Default" experiment 0 and a <c>.trash</c> folder.
/// </summary>
public sealed class FileTrackingStore : ITrackingStore
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FileStoreReader _reader;

    /// <summary>A store rooted at <paramref name="rootDirectory"/> (created on first use).</summary>
    /// <param name="rootDirectory">The <c>mlruns</c> folder.</param>
    /// <param name="loggerFactory">Where warnings (param conflicts, truncation, write failures) go.</param>
    /// <param name="timeProvider">Clock for start/end times and metric timestamps; tests pass a fixed one.</param>
    public FileTrackingStore(string rootDirectory, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        RootDirectory = Path.GetFullPath(rootDirectory);
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<FileTrackingStore>();
        _time = timeProvider ?? TimeProvider.System;
        _reader = new FileStoreReader(RootDirectory);
    }

    /// <summary>The store's absolute root folder.</summary>
    public string RootDirectory { get; }

    /// <summary>How long <see cref="ITrackedRun.EndAsync"/> waits for queued records to reach disk.</summary>
    public TimeSpan EndTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public string Description => $"MLflow file store at {RootDirectory}";

    /// <inheritdoc />
    public async Task<ITrackedRun> StartRunAsync(RunStartRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Everything below is file I/O: keep it off the caller's thread.
        return await Task.Run(
            async () =>
            {
                await EnsureInitializedAsync(ct);
                return request.ExistingRunId is { Length: > 0 } existing
                    ? Reopen(existing, request)
                    : await CreateAsync(request, ct);
            },
            ct);
    }

    /// <inheritdoc />
    public Task<MetricHistoryTrim?> TrimMetricHistoryAsync(string runId, long lastStep, CancellationToken ct) =>
        Task.Run<MetricHistoryTrim?>(() => Trim(runId, lastStep), ct);

    // Metric files hold one "timestamp value step" line per value; they are rewritten atomically.
    private MetricHistoryTrim Trim(string runId, long lastStep)
    {
        var stored = new Dictionary<string, IReadOnlySet<long>>(StringComparer.Ordinal);
        var runDirectory = _reader.FindRunDirectory(runId);
        if (runDirectory is null)
        {
            return new MetricHistoryTrim(0, 0, stored);
        }

        var removed = 0;
        foreach (var (key, path) in FileStorePaths.EnumerateKeyFiles(Path.Combine(runDirectory, FileStorePaths.MetricsFolder)))
        {
            var lines = File.ReadAllLines(path, FileStorePaths.Utf8);
            var kept = lines.Where(line => MetricLineStep(line) is not { } step || step <= lastStep).ToList();
            stored[key] = kept.Select(MetricLineStep).OfType<long>().ToHashSet();
            if (kept.Count != lines.Length)
            {
                removed += lines.Length - kept.Count;
                FileStorePaths.WriteAtomically(path, kept.Count == 0 ? string.Empty : string.Join('\n', kept) + "\n");
            }
        }

        return new MetricHistoryTrim(removed, 0, stored);
    }

    private static long? MetricLineStep(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var step) ? step : null;
    }

    private async Task EnsureInitializedAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(RootDirectory);
        using (await FileStoreLock.AcquireAsync(RootDirectory, ct))
        {
            // MLflow creates the Default experiment (id 0) together with a new root. Checked under the lock, an
            // empty root is one nobody has initialised yet, even if another process just created the folder.
            var hasExperiments = Directory.EnumerateDirectories(RootDirectory)
                .Any(d => !FileStorePaths.NonExperimentFolders.Contains(Path.GetFileName(d)));
            if (!hasExperiments
                && !Directory.Exists(Path.Combine(RootDirectory, FileStorePaths.TrashFolder, FileStorePaths.DefaultExperimentId)))
            {
                WriteExperiment(FileStorePaths.DefaultExperimentId, FileStorePaths.DefaultExperimentName);
            }

            Directory.CreateDirectory(Path.Combine(RootDirectory, FileStorePaths.TrashFolder));
        }
    }

    private async Task<ITrackedRun> CreateAsync(RunStartRequest request, CancellationToken ct)
    {
        var experiment = await FindOrCreateExperimentAsync(request.ExperimentName, ct);
        var runId = Guid.NewGuid().ToString("N");
        var runName = request.RunName is { Length: > 0 } name
            ? name
            : request.Tags.GetValueOrDefault(TrackingKeys.RunNameTag) is { Length: > 0 } tagged ? tagged : "run-" + runId[..8];
        var experimentDirectory = Path.Combine(RootDirectory, experiment.ExperimentId);
        var runDirectory = Path.Combine(experimentDirectory, runId);
        var artifactUri = FileStorePaths.AppendToUri(experiment.ArtifactLocation, runId, FileStorePaths.ArtifactsFolder);
        var meta = new RunMeta(
            runId,
            experiment.ExperimentId,
            runName,
            artifactUri,
            Environment.UserName,
            _time.GetUtcNow().ToUnixTimeMilliseconds(),
            EndTime: null,
            RunStatus.Running);

        Directory.CreateDirectory(runDirectory);
        FileStorePaths.WriteAtomically(Path.Combine(runDirectory, FileStorePaths.MetaFile), meta.ToYaml(onCreate: true), durable: true);
        foreach (var folder in new[] { FileStorePaths.MetricsFolder, FileStorePaths.ParamsFolder, FileStorePaths.ArtifactsFolder, FileStorePaths.TagsFolder })
        {
            Directory.CreateDirectory(Path.Combine(runDirectory, folder));
        }

        var run = FileTrackedRun.Open(
            meta,
            runDirectory,
            ArtifactDirectory(artifactUri, runDirectory),
            new Dictionary<string, string>(),
            _loggerFactory.CreateLogger<FileTrackedRun>(),
            _time,
            EndTimeout);

        ApplyTags(run, RunStartTags.For(request, runName, creating: true));
        return run;
    }

    private FileTrackedRun Reopen(string runId, RunStartRequest request)
    {
        var runDirectory = _reader.FindRunDirectory(runId)
            ?? throw new GanInputException($"Cannot resume run '{runId}': it is not in {Description}.");
        var metaPath = Path.Combine(runDirectory, FileStorePaths.MetaFile);
        var meta = RunMeta.Read(metaPath) with { Status = RunStatus.Running, EndTime = null };
        if (request.ExperimentName.Length > 0
            && _reader.FindExperimentByName(request.ExperimentName) is { } named
            && named.ExperimentId != meta.ExperimentId)
        {
            _logger.LogWarning(
                "Resumed run {RunId} belongs to experiment {ExperimentId}, not {ExperimentName}; it stays where it is",
                runId, meta.ExperimentId, request.ExperimentName);
        }

        FileStorePaths.WriteAtomically(metaPath, meta.ToYaml(onCreate: false), durable: true);
        var existingParams = FileStoreReader.ReadKeyFiles(Path.Combine(runDirectory, FileStorePaths.ParamsFolder));
        var run = FileTrackedRun.Open(
            meta,
            runDirectory,
            ArtifactDirectory(meta.ArtifactUri, runDirectory),
            existingParams,
            _loggerFactory.CreateLogger<FileTrackedRun>(),
            _time,
            EndTimeout);
        ApplyTags(run, RunStartTags.For(request, request.RunName is { Length: > 0 } name ? name : meta.RunName, creating: false));
        return run;
    }

    private static void ApplyTags(FileTrackedRun run, IEnumerable<KeyValuePair<string, string>> tags)
    {
        foreach (var (key, value) in tags)
        {
            run.SetTag(key, value);
        }
    }

    private async Task<ExperimentInfo> FindOrCreateExperimentAsync(string name, CancellationToken ct)
    {
        var experimentName = string.IsNullOrWhiteSpace(name) ? FileStorePaths.DefaultExperimentName : name;

        // Look-up and creation under one cross-process lock, so concurrent starts agree on one experiment.
        using (await FileStoreLock.AcquireAsync(RootDirectory, ct))
        {
            if (_reader.FindExperimentByName(experimentName) is { } existing)
            {
                return existing;
            }

            if (_reader.ListExperiments(includeDeleted: true).FirstOrDefault(e => e.Name == experimentName) is { } deleted)
            {
                // MLflow refuses this too (RESOURCE_ALREADY_EXISTS): the name stays taken while in .trash.
                throw new InvalidOperationException(
                    $"Experiment '{experimentName}' (id {deleted.ExperimentId}) exists in deleted state; restore it or remove it from "
                    + $"{Path.Combine(RootDirectory, FileStorePaths.TrashFolder)} to use the name again.");
            }

            string id;
            do
            {
                // MLflow's FileStore uses large random integer ids (_generate_unique_integer_id).
                id = Random.Shared.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
            }
            while (Directory.Exists(Path.Combine(RootDirectory, id)) || Directory.Exists(Path.Combine(RootDirectory, FileStorePaths.TrashFolder, id)));

            var created = WriteExperiment(id, experimentName);
            _logger.LogInformation(TrackingLogEvents.StoreCreated, "Created experiment {ExperimentName} (id {ExperimentId}) in {Root}", experimentName, id, RootDirectory);
            return created;
        }
    }

    private ExperimentInfo WriteExperiment(string id, string name)
    {
        var directory = Path.Combine(RootDirectory, id);
        Directory.CreateDirectory(directory);
        var now = _time.GetUtcNow();
        var ms = now.ToUnixTimeMilliseconds();
        var location = FileStorePaths.ToFileUri(directory);
        var yaml = new StringBuilder()
            .Append("artifact_location: ").Append(MlflowYaml.Scalar(location)).Append('\n')
            .Append("creation_time: ").Append(MlflowYaml.Scalar(ms)).Append('\n')
            .Append("experiment_id: ").Append(MlflowYaml.Scalar(id)).Append('\n')
            .Append("last_update_time: ").Append(MlflowYaml.Scalar(ms)).Append('\n')
            .Append("lifecycle_stage: active\n")
            .Append("name: ").Append(MlflowYaml.Scalar(name)).Append('\n')
            .ToString();
        FileStorePaths.WriteAtomically(Path.Combine(directory, FileStorePaths.MetaFile), yaml, durable: true);
        return new ExperimentInfo(id, name, location, "active", now, now);
    }

    private string ArtifactDirectory(string artifactUri, string runDirectory)
    {
        if (FileStorePaths.LocalPathOf(artifactUri) is { } local)
        {
            return local;
        }

        // An experiment MLflow created with a remote artifact root: we cannot write there without a server.
        _logger.LogWarning(
            TrackingLogEvents.RemoteArtifactLocation,
            "Artifact location {ArtifactUri} is not a local folder; artifacts go to {Fallback} instead and the MLflow UI will not list them",
            artifactUri, Path.Combine(runDirectory, FileStorePaths.ArtifactsFolder));
        return Path.Combine(runDirectory, FileStorePaths.ArtifactsFolder);
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine.Checkpoints;
using Gan.Engine.Components;
using Gan.Engine.Experiments;
using Gan.Engine.Health;
using Gan.Engine.Plugins;
using Gan.Tracking;
using Gan.Tracking.SystemMetrics;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Gan.Engine.Training;

/// <summary>
/// Runs a resolved experiment end to end: device and seed, tracking run(s), data preparation, each stage
/// in order, checkpoints, and the final status (FINISHED, FAILED or KILLED). A multi-stage experiment is
/// one parent run with a child run per stage.
/// </summary>
public sealed class ExperimentRunner
{
    private readonly PluginCatalog _catalog;
    private readonly TrackingStoreFactory _trackingFactory;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;

    /// <summary>Creates the runner.</summary>
    public ExperimentRunner(PluginCatalog catalog, TrackingStoreFactory trackingFactory, ILoggerFactory loggerFactory, IServiceProvider services)
    {
        _catalog = catalog;
        _trackingFactory = trackingFactory;
        _loggerFactory = loggerFactory;
        _services = services;
        _logger = loggerFactory.CreateLogger<ExperimentRunner>();
    }

    /// <summary>Runs <paramref name="experiment"/>. Never throws for training failures: they are in the outcome.</summary>
    public async Task<RunOutcome> RunAsync(
        ResolvedExperiment experiment,
        IProgressReporter preparationProgress,
        ITrainingProgress trainingProgress,
        CancellationToken cancellationToken,
        RunOptions? options = null)
    {
        var definition = experiment.Definition;
        options ??= new RunOptions();
        ResumePoint? resume = options.Resume is { } resumeSource
            ? ResumeLocator.Locate(resumeSource, definition.Checkpoints.Directory, definition.Name)
            : null;
        if (definition.Threads is { } threads)
        {
            torch.set_num_threads(threads);
        }

        torch.manual_seed(definition.Seed);
        var device = DeviceSelector.Select(definition.Device, _logger);
        await using var services = ExperimentServices.Create(_catalog, _services, _loggerFactory);
        var context = new ComponentContext(
            device,
            definition.Seed,
            ResolveFolder(definition.DataRoot, "GAN_DATA_ROOT", "data"),
            ResolveFolder(definition.CacheRoot, "GAN_CACHE_DIR", ".cache"),
            _loggerFactory,
            preparationProgress,
            services);

        var store = _trackingFactory.Create(definition.Tracking);
        var experimentName = TrackingStoreFactory.ExperimentName(definition);
        var runName = definition.Tracking.RunName ?? $"{definition.Name}-{DateTime.Now:yyyyMMdd-HHmmss}";
        var multiStage = experiment.Stages.Count > 1;
        if (resume is not null)
        {
            // Values a killed run logged after its checkpoint are dropped: the resumed run logs those steps again.
            var resumedRun = resume.Manifest.StageRunIds.GetValueOrDefault(resume.Manifest.Position.StageIndex) ?? resume.Manifest.RunId;
            var trim = await store.TrimMetricHistoryAsync(resumedRun, resume.Manifest.Position.Step, cancellationToken);
            resume = resume with { StoredSteps = trim?.StoredSteps };
            _logger.LogInformation("Resuming run {RunId} from {Folder} (step {Step}); dropped {Dropped} metric value(s) logged after it.",
                resume.Manifest.RunId, resume.Folder, resume.Manifest.Position.Step, trim?.Removed ?? 0);
        }

        var rootTags = SystemTags(experiment, runName, device);
        foreach (var (key, value) in options.Tags)
        {
            rootTags[key] = value;
        }

        await using var root = await StartRootRunAsync(store,
            new RunStartRequest(experimentName, resume is null ? runName : "", rootTags,
                ParentRunId: options.ParentRunId, ExistingRunId: resume?.Manifest.RunId), resume, cancellationToken);
        _logger.LogInformation("Run {RunId} ({RunName}) in {Store}, experiment '{Experiment}'.", root.RunId, runName, store.Description, experimentName);
        var checkpointRunId = resume?.Manifest.RunId ?? root.RunId;
        var stageRunIds = new Dictionary<int, string>(resume?.Manifest.StageRunIds ?? []);
        var stageResults = new List<StageResult>();
        ITrackedRun? stageRun = null;
        var status = RunStatus.Finished;
        string? message = null;
        var exitCode = ExitCodes.Success;
        IDataSource? data = null;
        using var networks = new NetworkStore(experiment.Model, context);
        var disposables = new List<object>();
        var throughput = new ThroughputCounter();
        if (StartSystemMetrics(root, definition.Tracking, device, throughput) is { } systemMetrics)
        {
            disposables.Add(systemMetrics); // stopped before the run ends
        }
        try
        {
            data = experiment.Data.Create<IDataSource>(context);
            disposables.Add(data);
            await data.PrepareAsync(cancellationToken);
            // Network sizes the data decides (tracks, vocabulary) are set before anything records the options.
            foreach (var applied in DataSizeDefaults.Apply(experiment.Model, data))
            {
                _logger.LogDebug("From the data: {Option}", applied);
            }

            if (resume is null)
            {
                RecordExperiment(root, experiment, device);
                if (definition.Checkpoints.Enabled)
                {
                    WriteExperimentFile(experiment, Path.GetFullPath(Path.Combine(definition.Checkpoints.Directory, checkpointRunId)));
                }
            }

            // What the run read, as MLflow dataset inputs (the run's "Datasets"); sources that cannot say record none.
            var datasets = (data as IDatasetInfoProvider)?.GetDatasets() ?? [];
            root.LogDatasets(datasets);
            var loss = experiment.Loss?.Create<ILossStrategy>(context);
            var metrics = experiment.Metrics.Select(m => m.Create<IMetric>(context)).ToList();
            var samplers = experiment.Samples.Select(s => s.Create<ISampleRenderer>(context)).ToList();
            disposables.AddRange(metrics);
            disposables.AddRange(samplers);

            foreach (var stage in experiment.Stages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (resume is not null && stage.Index < resume.Manifest.Position.StageIndex)
                {
                    continue; // finished before the checkpoint; its networks come back from the checkpoint
                }

                var reopen = resume is not null && stage.Index == resume.Manifest.Position.StageIndex
                    ? stageRunIds.GetValueOrDefault(stage.Index)
                    : null;
                stageRun = multiStage
                    ? await store.StartRunAsync(new RunStartRequest(experimentName, reopen is null ? $"{runName}/{stage.Definition.Name}" : "",
                        StageTags(experiment, stage, runName, device), ParentRunId: root.RunId, ExistingRunId: reopen), cancellationToken)
                    : null;
                var tracker = stageRun ?? root;
                if (stageRun is not null)
                {
                    stageRun.LogDatasets(datasets);
                    stageRunIds[stage.Index] = stageRun.RunId;
                    if (reopen is null)
                    {
                        RecordExperiment(stageRun, experiment, device);
                    }
                }

                var recorder = new MetricRecorder(tracker, options.FinalMetrics);
                var checkpointer = new StageCheckpointer(
                    definition.Checkpoints,
                    CheckpointStore.ForRun(Path.GetFullPath(definition.Checkpoints.Directory), checkpointRunId),
                    new StageIdentity(definition.Name, checkpointRunId, stage.Index, stage.Definition.Name, stageRunIds, store.Description),
                    recorder,
                    resume,
                    ConfigWriter.Flatten(experiment.ToResolvedYaml()).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
                    _logger);
                var result = RunStage(experiment, stage, context, networks, data, loss, metrics, samplers,
                    new StageServices(recorder, checkpointRunId, trainingProgress, checkpointer, throughput), cancellationToken);
                stageResults.Add(result);
                checkpointer.StageEnded();
                SaveCheckpoint(experiment, networks, stage.Definition.Name, tracker, checkpointRunId, label: "final");
                LogModels(stageRun ?? root, new ModelSource(experiment, networks, stage.Definition.Name, checkpointRunId, result.Steps,
                    result.LastValues, datasets, DateTimeOffset.UtcNow), checkpointer.BestFolder(result.Steps));
                _logger.LogInformation(
                    "Stage {Stage}: {Steps} steps in {Elapsed:hh\\:mm\\:ss} ({Rate:F1} steps/s, waited {DataShare:P1} of the time for data).",
                    stage.Definition.Name, result.Steps, result.Elapsed, result.StepsPerSecond,
                    result.Elapsed.TotalSeconds > 0 ? result.DataWait.TotalSeconds / result.Elapsed.TotalSeconds : 0);
                if (stageRun is not null)
                {
                    await stageRun.EndAsync(RunStatus.Finished, CancellationToken.None);
                    await stageRun.DisposeAsync();
                    stageRun = null;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            (status, exitCode, message) = (RunStatus.Killed, ExitCodes.Cancelled, "Stopped by the user.");
        }
        catch (GanInputException ex)
        {
            (status, exitCode, message) = (RunStatus.Failed, ExitCodes.BadInput, ex.Message);
        }
        catch (TrainingDivergedException ex)
        {
            (status, exitCode, message) = (RunStatus.Failed, ExitCodes.TrainingFailed, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogDebug(ex, "Training failed.");
            (status, exitCode, message) = (RunStatus.Failed, ExitCodes.TrainingFailed,
                $"Training failed: {ex.GetType().Name}: {ex.Message} (run with --verbose for the stack trace)");
        }
        finally
        {
            if (stageRun is not null)
            {
                await stageRun.EndAsync(status, CancellationToken.None);
                await stageRun.DisposeAsync();
            }

            foreach (var disposable in disposables)
            {
                switch (disposable)
                {
                    case IAsyncDisposable asyncDisposable:
                        await asyncDisposable.DisposeAsync();
                        break;
                    case IDisposable plain:
                        plain.Dispose();
                        break;
                }
            }

            await root.EndAsync(status, CancellationToken.None);
        }

        return new RunOutcome(status, exitCode, root.RunId, message, stageResults);
    }

    // A resume pointed at another store than the one the checkpoint's run was recorded in (tracking.uri or
    // MLFLOW_TRACKING_URI changed since) is refused naming both, so the user knows where the run lives.
    private static async Task<ITrackedRun> StartRootRunAsync(ITrackingStore store, RunStartRequest request, ResumePoint? resume, CancellationToken cancellationToken)
    {
        try
        {
            return await store.StartRunAsync(request, cancellationToken);
        }
        catch (GanInputException ex) when (resume?.Manifest.TrackingStore is { } recordedIn && recordedIn != store.Description)
        {
            throw new GanInputException(
                $"Cannot resume run '{request.ExistingRunId}': it was recorded in {recordedIn}, but this experiment now tracks to " +
                $"{store.Description}. Point tracking.uri (or MLFLOW_TRACKING_URI) back at that store to resume.", ex);
        }
    }

    private StageResult RunStage(
        ResolvedExperiment experiment,
        ResolvedStage stage,
        ComponentContext context,
        NetworkStore networks,
        IDataSource data,
        ILossStrategy? loss,
        IReadOnlyList<IMetric> metrics,
        IReadOnlyList<ISampleRenderer> samplers,
        StageServices services,
        CancellationToken cancellationToken)
    {
        var (tracker, rootRunId, progress, checkpointer, throughput) = services;
        var definition = stage.Definition;
        using var optimizers = new OptimizerProvider(experiment.Definition.Optimizers, definition.Optimizers);
        var trainingContext = new TrainingContext(
            definition.Name, context, networks, optimizers, loss, data, tracker,
            _loggerFactory.CreateLogger($"Gan.Stage.{definition.Name}"), cancellationToken)
        {
            Throughput = throughput,
        };
        var trainer = stage.Trainer.Create<ITrainer>(context);
        using var health = new HealthMonitor(experiment.Definition.Health, trainingContext, trainer.PlayerPairs,
            () => SaveLastGood(experiment, networks, definition.Name, tracker, rootRunId));
        try
        {
            var runner = new StageRunner(trainingContext, trainer, definition, metrics, samplers, epoch =>
            {
                if (experiment.Definition.Checkpoints.EveryEpochs is { } every && (epoch + 1) % every == 0)
                {
                    SaveCheckpoint(experiment, networks, definition.Name, tracker, rootRunId, $"epoch{epoch + 1:D4}");
                }
            }, checkpointer, health);
            return runner.Run(progress);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            checkpointer.Interrupted();
            throw;
        }
        finally
        {
            (trainer as IDisposable)?.Dispose();
        }
    }

    /// <summary>The health monitor's snapshot: <c>&lt;run&gt;/&lt;stage&gt;/last-good</c>, overwritten each time; null when checkpoints are off.</summary>
    private string? SaveLastGood(ResolvedExperiment experiment, NetworkStore networks, string stageName, IRunTracker tracker, string runId)
    {
        var settings = experiment.Definition.Checkpoints;
        if (!settings.Enabled || networks.Instances.Count == 0)
        {
            return null;
        }

        SaveCheckpoint(experiment, networks, stageName, tracker, runId, "last-good");
        return Path.GetFullPath(Path.Combine(settings.Directory, runId, stageName, "last-good"));
    }

    private void SaveCheckpoint(ResolvedExperiment experiment, NetworkStore networks, string stageName, IRunTracker tracker, string runId, string label)
    {
        var settings = experiment.Definition.Checkpoints;
        if (!settings.Enabled || networks.Instances.Count == 0)
        {
            return;
        }

        var runFolder = Path.GetFullPath(Path.Combine(settings.Directory, runId));
        var folder = Path.Combine(runFolder, stageName, label);
        Directory.CreateDirectory(folder);
        WriteExperimentFile(experiment, runFolder);

        foreach (var (name, network) in networks.Instances)
        {
            var path = Path.Combine(folder, $"{name}.pt");
            AtomicFile.Write(path, stream =>
            {
                using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                network.Module.save(writer);
            });
            if (settings.LogArtifacts)
            {
                tracker.LogArtifact($"checkpoints/{stageName}/{label}/{name}.pt", File.ReadAllBytes(path));
            }
        }

        _logger.LogDebug("Saved {Count} network(s) to {Folder}.", networks.Instances.Count, folder);
    }

    // Each network as an MLflow model: from the stage's final checkpoint (saved now, or written for the purpose when
    // checkpoints are off), and from the best checkpoint when checkpoints.best_metric chose one.
    private void LogModels(ITrackedRun run, ModelSource source, string? bestFolder)
    {
        if (!source.Experiment.Definition.Tracking.Enabled || source.Networks.Instances.Count == 0)
        {
            return;
        }

        var settings = source.Experiment.Definition.Checkpoints;
        var final = Path.GetFullPath(Path.Combine(settings.Directory, source.RunId, source.StageName, "final"));
        if (settings.Enabled && Directory.Exists(final))
        {
            foreach (var model in ModelLogger.ModelsIn(source, final, "final"))
            {
                run.LogModel(model);
            }
        }
        else
        {
            foreach (var (instance, network) in source.Networks.Instances)
            {
                var temporary = Path.Combine(Path.GetTempPath(), $"gan-model-{Guid.NewGuid():N}.pt");
                try
                {
                    network.Module.save(temporary);
                    run.LogModel(ModelLogger.Model(source, instance, File.ReadAllBytes(temporary), "final"));
                }
                finally
                {
                    File.Delete(temporary);
                }
            }
        }

        if (bestFolder is not null)
        {
            foreach (var model in ModelLogger.ModelsIn(source, bestFolder, "best"))
            {
                run.LogModel(model);
            }
        }

        _logger.LogInformation("Logged the networks of stage {Stage} as MLflow models under models/{Stage}/ of run {RunId}.", source.StageName, source.StageName, run.RunId);
    }

    private static void WriteExperimentFile(ResolvedExperiment experiment, string runFolder)
    {
        var experimentFile = Path.Combine(runFolder, Inference.TrainedModels.ExperimentFile);
        if (!File.Exists(experimentFile))
        {
            // The resolved experiment rebuilds these networks later (gan translate, gan answer, resume).
            Directory.CreateDirectory(runFolder);
            File.WriteAllText(experimentFile, ConfigWriter.Serialize(experiment.ToResolvedYaml()));
        }
    }

    private void RecordExperiment(IRunTracker run, ResolvedExperiment experiment, torch.Device device)
    {
        var resolved = experiment.ToResolvedYaml();
        foreach (var (key, value) in ConfigWriter.Flatten(resolved))
        {
            run.LogParam(key, value);
        }

        run.LogArtifact("experiment.yaml", Encoding.UTF8.GetBytes(ConfigWriter.Serialize(resolved)));
        if (File.Exists(experiment.SourcePath))
        {
            run.LogArtifact("experiment.source.yaml", File.ReadAllBytes(experiment.SourcePath));
        }

        var plugins = new StringBuilder();
        foreach (var plugin in _catalog.Plugins)
        {
            plugins.Append(CultureInfo.InvariantCulture,
                $"{plugin.Name}\t{plugin.Version}\tcontracts {plugin.ContractsVersion.ToString(3)}\t{(plugin.Folder.Length == 0 ? "(built in)" : plugin.Folder)}\n");
        }

        run.LogArtifact("plugins.txt", Encoding.UTF8.GetBytes(plugins.ToString()));
        run.LogArtifact("environment.txt", Encoding.UTF8.GetBytes(
            $"os\t{RuntimeInformation.OSDescription}\n" +
            $"architecture\t{RuntimeInformation.ProcessArchitecture}\n" +
            $"dotnet\t{RuntimeInformation.FrameworkDescription}\n" +
            $"torchsharp\t{typeof(torch).Assembly.GetName().Version}\n" +
            $"libtorch\t{torch.__version__}\n" +
            $"device\t{device}\n" +
            $"threads\t{torch.get_num_threads()}\n" +
            $"cpu_count\t{Environment.ProcessorCount}\n"));
    }

    private SystemMetricsSampler? StartSystemMetrics(IRunTracker run, TrackingDefinition tracking, torch.Device device, ThroughputCounter throughput)
    {
        var settings = SystemMetricsSettings.Resolve(tracking.SystemMetrics, Environment.GetEnvironmentVariable);
        if (!settings.Enabled || !tracking.Enabled)
        {
            return null;
        }

        var gpus = device.type == DeviceType.CUDA ? new HashSet<int> { Math.Max(0, (int)device.index) } : [];
        var sampler = new SystemMetricsSampler(
            run,
            [new ProcSystemMetrics(), new DiskSystemMetrics(Environment.CurrentDirectory), new NvidiaSmiMetrics(gpus)],
            throughput,
            _loggerFactory.CreateLogger<SystemMetricsSampler>());
        sampler.Start(settings.Interval);
        return sampler;
    }

    private static Dictionary<string, string> SystemTags(ResolvedExperiment experiment, string runName, torch.Device device)
    {
        var tags = new Dictionary<string, string>(experiment.Definition.Tracking.Tags, StringComparer.Ordinal)
        {
            ["mlflow.runName"] = runName,
            ["mlflow.source.name"] = Path.GetFullPath(experiment.SourcePath),
            ["mlflow.source.type"] = "LOCAL",
            ["mlflow.user"] = Environment.UserName,
            ["gan.device"] = device.ToString(),
            ["gan.torchsharp"] = typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "",
            ["gan.contracts"] = ContractsVersion.Current.ToString(3),
        };
        if (GitInfo.Of(experiment.SourcePath) is { } git)
        {
            tags["mlflow.source.git.commit"] = git.Commit;
            if (git.Branch is { } branch)
            {
                tags["mlflow.source.git.branch"] = branch;
            }

            if (git.RepoUrl is { } url)
            {
                tags["mlflow.source.git.repoURL"] = url;
            }
        }

        if (!string.IsNullOrWhiteSpace(experiment.Definition.Description))
        {
            tags["mlflow.note.content"] = experiment.Definition.Description;
        }

        return tags;
    }

    private static Dictionary<string, string> StageTags(ResolvedExperiment experiment, ResolvedStage stage, string runName, torch.Device device)
    {
        var tags = SystemTags(experiment, $"{runName}/{stage.Definition.Name}", device);
        tags["gan.stage"] = stage.Definition.Name;
        tags["gan.stage.index"] = stage.Index.ToString(CultureInfo.InvariantCulture);
        return tags;
    }

    private static string ResolveFolder(string? configured, string variable, string fallback) =>
        Path.GetFullPath(configured ?? (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnv ? fromEnv : fallback));
}

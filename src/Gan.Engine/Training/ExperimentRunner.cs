using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Distributed;
using Gan.Engine.Experiments;
using Gan.Engine.Plugins;
using Gan.Tracking;
using Microsoft.Extensions.DependencyInjection;
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
        var dataParallel = DataParallelStart.Create(definition.Distributed, LaunchEnvironment.Detect(Environment.GetEnvironmentVariable), _logger);
        if (dataParallel is not null)
        {
            dataParallel.VerifySameExperiment(Gan.Configuration.ConfigWriter.Serialize(experiment.ToResolvedYaml()));
            DataParallelStart.ShareCores(dataParallel, definition.Threads);
            ActiveDataParallel = dataParallel;
            if (!dataParallel.IsLeader)
            {
                // One run, one record: rank 0 alone tracks, writes checkpoints, evaluates and renders samples.
                definition.Tracking.Enabled = false;
                definition.Checkpoints.Enabled = false;
                experiment = experiment.WithoutEvaluation();
                (preparationProgress, trainingProgress) = (NullProgressReporter.Instance, NoTrainingProgress.Instance);
            }
        }

        var resume = options.Resume is { } resumeSource
            ? ResumeLocator.Locate(resumeSource, definition.Checkpoints.Directory, definition.Name)
            : null;
        if (definition.Threads is { } threads)
        {
            torch.set_num_threads(threads);
        }

        // Without a fixed count, torch's threads follow the cores other processes leave free (see AdaptiveThreads).
        using var adaptiveThreads = definition.Threads is null && dataParallel is null && OperatingSystem.IsLinux() ? new AdaptiveThreads(_logger) : null;

        torch.manual_seed(definition.Seed);
        var device = DeviceSelector.Select(definition.Device, _logger);
        if (dataParallel is not null)
        {
            device = DataParallelStart.DeviceOf(dataParallel, device, definition.Device);
        }

        await using var services = ExperimentServices.Create(_catalog, _services, _loggerFactory);
        var context = ComponentContextFactory.Create(definition, device, _loggerFactory, preparationProgress, services);
        var store = _trackingFactory.Create(definition.Tracking, services.GetServices<ITrackingBackend>());
        resume = await TrimAfterCheckpointAsync(store, resume, cancellationToken);
        var experimentName = TrackingStoreFactory.ExperimentName(definition);
        var runName = definition.Tracking.RunName ?? $"{definition.Name}-{DateTime.Now:yyyyMMdd-HHmmss}";
        var rootTags = RunRecord.Tags(experiment, runName, device);
        foreach (var (key, value) in options.Tags)
        {
            rootTags[key] = value;
        }

        if (dataParallel is not null)
        {
            rootTags["gan.distributed.world_size"] = dataParallel.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
            rootTags["gan.distributed.launcher"] = dataParallel.Launch.Launcher;
        }

        await using var root = await StartRootRunAsync(store,
            new RunStartRequest(experimentName, resume is null ? runName : "", rootTags,
                ParentRunId: options.ParentRunId, ExistingRunId: resume?.Manifest.RunId), resume, cancellationToken);
        if (resume is not null)
        {
            foreach (var (key, value) in options.Tags)
            {
                root.SetTag(key, value); // a reopened run keeps its tags; the caller's (a sweep rung) are current
            }
        }

        _logger.LogInformation("Run {RunId} ({RunName}) in {Store}, experiment '{Experiment}'.", root.RunId, runName, store.Description, experimentName);
        var session = new RunSession(new RunScope(experiment, options, resume, context, store, root)
        {
            DataParallel = dataParallel,
            AdaptiveThreads = adaptiveThreads,
            RunName = runName,
            ExperimentName = experimentName,
            Plugins = _catalog.Plugins,
        }, _loggerFactory);
        return await session.RunAsync(trainingProgress, cancellationToken);
    }

    /// <summary>
    /// The data-parallel run this process is a rank of, once one started (MPI is process-wide): the host ends every
    /// rank through it when a run fails, since the others would wait in a collective for this one.
    /// </summary>
    public static void EndOtherRanksOnFailure(int exitCode)
    {
        if (exitCode != ExitCodes.Success && ActiveDataParallel is { Size: > 1 } run)
        {
            run.Abort(exitCode);
        }
    }

    /// <summary>True in the ranks other than 0 of a data-parallel run, which record nothing of their own.</summary>
    public static bool IsFollowerRank => ActiveDataParallel is { IsLeader: false };

    private static DataParallel? ActiveDataParallel { get; set; }

    /// <summary>Drops the values a killed run logged after its checkpoint: the resumed run logs those steps again.</summary>
    private async Task<ResumePoint?> TrimAfterCheckpointAsync(ITrackingStore store, ResumePoint? resume, CancellationToken cancellationToken)
    {
        if (resume is null)
        {
            return null;
        }

        var resumedRun = resume.Manifest.StageRunIds.GetValueOrDefault(resume.Manifest.Position.StageIndex) ?? resume.Manifest.RunId;
        var trim = await store.TrimMetricHistoryAsync(resumedRun, resume.Manifest.Position.Step, cancellationToken);
        _logger.LogInformation("Resuming run {RunId} from {Folder} (step {Step}); dropped {Dropped} metric value(s) logged after it.",
            resume.Manifest.RunId, resume.Folder, resume.Manifest.Position.Step, trim?.Removed ?? 0);
        return resume with { StoredSteps = trim?.StoredSteps };
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
}

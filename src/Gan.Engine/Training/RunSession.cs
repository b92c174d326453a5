using System.Runtime;
using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine.Checkpoints;
using Gan.Engine.Components;
using Gan.Engine.Experiments;
using Gan.Engine.Health;
using Gan.Engine.Training.Callbacks;
using Gan.Tracking;
using Gan.Tracking.SystemMetrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gan.Engine.Training;

/// <summary>
/// One run of an experiment once its root tracking run exists: prepares the data and components, runs each stage in
/// its own child run (multi-stage experiments), writes the final weights, logs the models, and ends every run with
/// the outcome's status. Owns what it creates and disposes it at the end.
/// </summary>
internal sealed class RunSession
{
    private readonly RunScope _scope;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly CheckpointWriter _writer;
    private readonly Dictionary<int, string> _stageRunIds;
    private readonly List<object> _disposables = [];
    private readonly ThroughputCounter _throughput = new();
    private IReadOnlyList<DatasetInfo> _datasets = [];
    private ITrackedRun? _stageRun;

    public RunSession(RunScope scope, ILoggerFactory loggerFactory)
    {
        _scope = scope;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ExperimentRunner>();
        _writer = new CheckpointWriter(scope.Experiment, CheckpointRunId, _logger);
        _stageRunIds = new Dictionary<int, string>(scope.Resume?.Manifest.StageRunIds ?? []);
    }

    /// <summary>The run id checkpoints are filed under: the resumed run's, else the new root run's.</summary>
    private string CheckpointRunId => _scope.Resume?.Manifest.RunId ?? _scope.Root.RunId;

    private ResolvedExperiment Experiment => _scope.Experiment;

    /// <summary>Runs every stage; never throws for training failures, which are in the outcome.</summary>
    public async Task<RunOutcome> RunAsync(ITrainingProgress progress, CancellationToken cancellationToken)
    {
        var results = new List<StageResult>();
        var (status, exitCode, message) = (RunStatus.Finished, ExitCodes.Success, (string?)null);
        using var networks = new NetworkStore(Experiment.Model, _scope.Context);
        StartSystemMetrics();
        try
        {
            var components = await PrepareAsync(networks, cancellationToken);
            foreach (var stage in Experiment.Stages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_scope.Resume is { } resume && stage.Index < resume.Manifest.Position.StageIndex)
                {
                    continue; // finished before the checkpoint; its networks come back from the checkpoint
                }

                results.Add(await RunStageAsync(stage, components, progress, cancellationToken));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            (status, exitCode, message) = Classify(ex, cancellationToken);
        }
        finally
        {
            await CloseAsync(status);
        }

        return new RunOutcome(status, exitCode, _scope.Root.RunId, message, results) { PausedAtStep = results.LastOrDefault()?.PausedAtStep };
    }

    private (RunStatus, int, string?) Classify(Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return (RunStatus.Killed, ExitCodes.Cancelled, "Stopped by the user.");
            case GanInputException input:
                return (RunStatus.Failed, ExitCodes.BadInput, input.Message);
            case TrainingDivergedException diverged:
                return (RunStatus.Failed, ExitCodes.TrainingFailed, diverged.Message);
            default:
                _logger.LogDebug(exception, "Training failed.");
                return (RunStatus.Failed, ExitCodes.TrainingFailed,
                    $"Training failed: {exception.GetType().Name}: {exception.Message} (run with --verbose for the stack trace)");
        }
    }

    /// <summary>
    /// Reading a dataset leaves large managed buffers behind (decoded files, parsed text: MNIST's 47 MB of pixels once
    /// they are in a tensor). Collected once, now, their pages go back to the system before training allocates its own,
    /// instead of staying resident, and counting towards the peak, for the whole run.
    /// </summary>
    private static void ReleasePreparationGarbage()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>Prepares the data, settles the network sizes it decides, records a new run, and builds the shared components.</summary>
    private async Task<StageComponents> PrepareAsync(NetworkStore networks, CancellationToken cancellationToken)
    {
        var context = _scope.Context;
        var data = Experiment.Data.Create<IDataSource>(context);
        _disposables.Add(data);
        await data.PrepareAsync(cancellationToken);
        ReleasePreparationGarbage();
        // Network sizes the data decides (tracks, vocabulary) are set before anything records the options.
        foreach (var applied in DataSizeDefaults.Apply(Experiment.Model, data))
        {
            _logger.LogDebug("From the data: {Option}", applied);
        }

        if (_scope.Resume is null)
        {
            RunRecord.Write(_scope.Root, Experiment, _scope.Plugins, context.Device);
            if (Experiment.Definition.Checkpoints.Enabled)
            {
                _writer.WriteExperimentFile();
            }
        }

        // What the run read, as MLflow dataset inputs (the run's "Datasets"); sources that cannot say record none.
        _datasets = (data as IDatasetInfoProvider)?.GetDatasets() ?? [];
        _scope.Root.LogDatasets(_datasets);
        var metrics = Experiment.Metrics.Select(m => m.Create<IMetric>(context)).ToList();
        var samplers = Experiment.Samples.Select(s => s.Create<ISampleRenderer>(context)).ToList();
        _disposables.AddRange(metrics);
        _disposables.AddRange(samplers);
        return new StageComponents(context, networks, data, Experiment.Loss?.Create<ILossStrategy>(context), metrics, samplers)
        {
            CancellationToken = cancellationToken,
        };
    }

    private async Task<StageResult> RunStageAsync(ResolvedStage stage, StageComponents components, ITrainingProgress progress, CancellationToken cancellationToken)
    {
        var tracker = await StartStageRunAsync(stage, cancellationToken);
        var (communication, collectives) = (_scope.DataParallel?.CommunicationTime ?? TimeSpan.Zero, _scope.DataParallel?.Collectives ?? 0);
        var recorder = new MetricRecorder(tracker, _scope.Options.FinalMetrics);
        var checkpointer = CreateCheckpointer(stage, recorder);
        var result = TrainStage(stage, components, new StageServices(recorder, _writer, progress, checkpointer, _throughput));
        var name = stage.Definition.Name;
        if (_scope.Options.RungSteps.Count > 0 && stage.Index == Experiment.Stages.Count - 1)
        {
            _scope.Root.SetTag(Sweeps.SweepTags.RungStep, result.Steps.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (result.PausedAtStep is { } pausedAt)
        {
            // A sweep rung ends here, its checkpoint written: the stage continues from it if the sweep promotes the trial.
            _logger.LogInformation("Stage {Stage} paused at step {Step} for the sweep's rung.", name, pausedAt);
            await EndStageRunAsync(RunStatus.Finished);
            return result;
        }

        checkpointer.StageEnded();
        _writer.WriteSnapshot(components.Networks, name, "final", tracker);
        LogModels(_stageRun ?? _scope.Root, new ModelSource(Experiment, components.Networks, name, CheckpointRunId, result.Steps,
            result.LastValues, _datasets, DateTimeOffset.UtcNow), checkpointer.BestFolder(result.Steps));
        if (_scope.DataParallel is { } dataParallel && result.Steps > 0)
        {
            // What the ranks cost each other: the benchmark reads this line.
            _logger.LogInformation(
                "Stage {Stage}: {Ranks} ranks, {Milliseconds:F2} ms per step in MPI collectives ({Calls:F1} calls per step).",
                name, dataParallel.Size, (dataParallel.CommunicationTime - communication).TotalMilliseconds / result.Steps,
                (dataParallel.Collectives - collectives) / (double)result.Steps);
        }

        _logger.LogInformation(
            "Stage {Stage}: {Steps} steps in {Elapsed:hh\\:mm\\:ss} ({Rate:F1} steps/s, waited {DataShare:P1} of the time for data).",
            name, result.Steps, result.Elapsed, result.StepsPerSecond,
            result.Elapsed.TotalSeconds > 0 ? result.DataWait.TotalSeconds / result.Elapsed.TotalSeconds : 0);
        await EndStageRunAsync(RunStatus.Finished);
        return result;
    }

    /// <summary>The stage's child run of a multi-stage experiment (reopened when resuming into it); the root run otherwise.</summary>
    private async Task<IRunTracker> StartStageRunAsync(ResolvedStage stage, CancellationToken cancellationToken)
    {
        if (Experiment.Stages.Count == 1)
        {
            return _scope.Root;
        }

        var reopen = _scope.Resume is { } resume && stage.Index == resume.Manifest.Position.StageIndex
            ? _stageRunIds.GetValueOrDefault(stage.Index)
            : null;
        _stageRun = await _scope.Store.StartRunAsync(new RunStartRequest(_scope.ExperimentName,
            reopen is null ? $"{_scope.RunName}/{stage.Definition.Name}" : "",
            RunRecord.StageTags(Experiment, stage, _scope.RunName, _scope.Context.Device), ParentRunId: _scope.Root.RunId, ExistingRunId: reopen),
            cancellationToken);
        _stageRun.LogDatasets(_datasets);
        _stageRunIds[stage.Index] = _stageRun.RunId;
        if (reopen is null)
        {
            RunRecord.Write(_stageRun, Experiment, _scope.Plugins, _scope.Context.Device);
        }

        return _stageRun;
    }

    private async Task EndStageRunAsync(RunStatus status)
    {
        if (_stageRun is { } run)
        {
            _stageRun = null;
            await run.EndAsync(status, CancellationToken.None);
            await run.DisposeAsync();
        }
    }

    private StageCheckpointer CreateCheckpointer(ResolvedStage stage, MetricRecorder recorder)
    {
        var settings = Experiment.Definition.Checkpoints;
        if (settings.BestMetric is null && stage.Definition.EarlyStopping is { } earlyStopping)
        {
            // Early stopping keeps the best checkpoint by its own metric unless checkpoints.best_metric names another.
            settings = settings.WithBest(earlyStopping.Metric, earlyStopping.Mode);
        }

        var options = ConfigWriter.Flatten(Experiment.ToResolvedYaml())
            .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return new StageCheckpointer(
            settings,
            new StageIdentity(Experiment.Definition.Name, CheckpointRunId, stage.Index, stage.Definition.Name, _stageRunIds, _scope.Store.Description),
            recorder,
            _scope.Resume,
            options,
            _logger);
    }

    /// <summary>The stage's schedules by role: the stage's own, else the experiment's.</summary>
    private Dictionary<string, SchedulerDefinition> Schedules(StageDefinition stage)
    {
        var schedules = new Dictionary<string, SchedulerDefinition>(Experiment.Definition.Schedulers, StringComparer.Ordinal);
        foreach (var (role, schedule) in stage.Schedulers)
        {
            schedules[role] = schedule;
        }

        return schedules;
    }

    /// <summary>Builds the stage's trainer, context and callbacks and runs its loop.</summary>
    private StageResult TrainStage(ResolvedStage stage, StageComponents components, StageServices services)
    {
        var (tracker, writer, progress, checkpointer, throughput) = services;
        var definition = stage.Definition;
        var networks = components.Networks;
        using var optimizers = new OptimizerProvider(Experiment.Definition.Optimizers, definition.Optimizers, _scope.DataParallel);
        var context = new TrainingContext(definition.Name, components, optimizers, tracker, _loggerFactory.CreateLogger($"Gan.Stage.{definition.Name}"))
        {
            Throughput = throughput,
            DataParallel = _scope.DataParallel,
            AdaptiveThreads = _scope.AdaptiveThreads,
        };
        var trainer = stage.Trainer.Create<ITrainer>(components.Context);
        using var health = new HealthMonitor(Experiment.Definition.Health, context, trainer.PlayerPairs,
            () => writer.WriteSnapshot(networks, definition.Name, "last-good", tracker));
        var evaluation = new EvaluationCallback(context, components.Metrics, definition.MetricsEvery);
        var rungs = RungsOf(stage, context, evaluation);
        var callbacks = new StageCallbacks(
        [
            new StepTrackingCallback(definition.LogEvery, new LearningRateLogger(optimizers), optimizers),
            new LearningRateScheduleCallback(optimizers, Schedules(definition)),
            health,
            evaluation,
            new SampleCallback(context, components.Samplers, definition.SamplesEvery),
            new CheckpointCallback(context, checkpointer, writer, Experiment.Definition.Checkpoints.EveryEpochs),
            .. Experiment.Definition.Ema.Select(kv => (IStageCallback)new EmaCallback(context, kv.Key, kv.Value)),
            .. definition.EarlyStopping is { } earlyStopping ? [new EarlyStoppingCallback(context, earlyStopping)] : Array.Empty<IStageCallback>(),
            .. rungs is null ? Array.Empty<IStageCallback>() : [rungs],
            .. components.Context.Services.GetServices<IStageCallback>(),
        ], components.Metrics, components.Samplers, health);
        try
        {
            var result = new StageRunner(context, trainer, definition, callbacks, checkpointer).Run(progress);
            if (rungs?.PausedAt is { } pausedAt)
            {
                checkpointer.Paused(); // while the optimisers and the trainer, whose state it saves, are alive
            }

            return result with { PausedAtStep = rungs?.PausedAt };
        }
        catch (OperationCanceledException) when (components.CancellationToken.IsCancellationRequested)
        {
            checkpointer.Interrupted();
            throw;
        }
        finally
        {
            (trainer as IDisposable)?.Dispose();
        }
    }

    /// <summary>A sweep trial's rungs, which apply to the experiment's last stage; null for other stages and ordinary runs.</summary>
    private RungCallback? RungsOf(ResolvedStage stage, TrainingContext context, EvaluationCallback evaluation)
    {
        var options = _scope.Options;
        var isLast = stage.Index == Experiment.Stages.Count - 1;
        return isLast && (options.RungSteps.Count > 0 || options.PauseAtStep is not null)
            ? new RungCallback(context, evaluation, options.RungSteps, options.PauseAtStep)
            : null;
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
                var temporary = Path.Combine(Path.GetTempPath(), $"gan-model-{Guid.NewGuid():N}{Interchange.NetworkWeights.TorchSharpExtension}");
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

    /// <summary>Starts sampling CPU, memory, disk (and GPU) into the root run; stopped with the other disposables, before the run ends.</summary>
    private void StartSystemMetrics()
    {
        var (run, tracking, device, throughput) = (_scope.Root, Experiment.Definition.Tracking, _scope.Context.Device, _throughput);
        var settings = SystemMetricsSettings.Resolve(tracking.SystemMetrics, Environment.GetEnvironmentVariable);
        if (!settings.Enabled || !tracking.Enabled)
        {
            return;
        }

        var gpus = device.type == TorchSharp.DeviceType.CUDA ? new HashSet<int> { Math.Max(0, (int)device.index) } : [];
        var sampler = new SystemMetricsSampler(
            run,
            [new ProcSystemMetrics(), new DiskSystemMetrics(Environment.CurrentDirectory), new NvidiaSmiMetrics(gpus)],
            throughput,
            _loggerFactory.CreateLogger<SystemMetricsSampler>());
        sampler.Start(settings.Interval);
        _disposables.Add(sampler);
    }

    /// <summary>Ends an open stage run and the root run with <paramref name="status"/>, after disposing what the session created.</summary>
    private async Task CloseAsync(RunStatus status)
    {
        await EndStageRunAsync(status);
        foreach (var disposable in _disposables)
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

        await _scope.Root.EndAsync(status, CancellationToken.None);
    }
}

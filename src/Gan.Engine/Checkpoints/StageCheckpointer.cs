using Gan.Abstractions;
using Gan.Engine.Experiments;
using Gan.Engine.Training;
using Microsoft.Extensions.Logging;
using TorchSharp;
using TorchSharp.Modules;

namespace Gan.Engine.Checkpoints;

/// <summary>
/// The stage runner's checkpoint hooks: restores a stage from a resume point before its first step, and
/// writes training-state checkpoints every N steps, every N epochs, at the end of the stage and when the
/// user stops the run; keeps the last K plus the best.
/// </summary>
internal sealed class StageCheckpointer
{
    private readonly CheckpointDefinition _settings;
    private readonly CheckpointStore _store;
    private readonly StageIdentity _identity;
    private readonly MetricRecorder _metrics;
    private readonly ResumePoint? _resume;
    private readonly IReadOnlyDictionary<string, string> _currentOptions;
    private readonly ILogger _logger;
    private TrainingContext? _context;
    private StatefulComponents _components = StatefulComponents.None;
    private long _lastSavedStep = -1;
    private TrainingPosition? _current;

    /// <param name="settings">The experiment's <c>checkpoints:</c> section.</param>
    /// <param name="identity">The run and stage; checkpoints go to <c>&lt;directory&gt;/&lt;run id&gt;/resume</c>.</param>
    /// <param name="metrics">The stage's metric recorder (last values and those since the previous checkpoint).</param>
    /// <param name="resume">Where the run resumes from, if it does.</param>
    /// <param name="currentOptions">The experiment's options, flattened, for the compatibility check on resume.</param>
    /// <param name="logger">For progress and warnings.</param>
    public StageCheckpointer(
        CheckpointDefinition settings,
        StageIdentity identity,
        MetricRecorder metrics,
        ResumePoint? resume,
        IReadOnlyDictionary<string, string> currentOptions,
        ILogger logger)
    {
        _settings = settings;
        _store = CheckpointStore.ForRun(Path.GetFullPath(settings.Directory), identity.RunId);
        _identity = identity;
        _metrics = metrics;
        _resume = resume is not null && resume.Manifest.Position.StageIndex == identity.StageIndex ? resume : null;
        _currentOptions = currentOptions;
        _logger = logger;
    }

    /// <summary>The stage this checkpointer serves.</summary>
    public int StageIndex => _identity.StageIndex;

    private bool Periodic => _settings.Enabled && (_settings.EverySteps is not null || _settings.EveryEpochs is not null);

    /// <summary>Called after the trainer's Initialize: restores the resume point, if it is in this stage, and returns where to start.</summary>
    public TrainingPosition Start(TrainingContext context, StatefulComponents components)
    {
        _context = context;
        _components = components;
        if (_resume is null)
        {
            _current = TrainingPosition.StartOf(_identity.StageIndex);
            return _current;
        }

        Restore(_resume, context);
        var position = InRanksOf(_resume.Manifest, context.DataParallel?.Size ?? 1);
        RelogLostMetrics(_resume);
        _lastSavedStep = position.Step;
        _logger.LogInformation("Resumed stage '{Stage}' from {Folder} at step {Step} (epoch {Epoch}, {Batches} batches in).",
            _identity.StageName, _resume.Folder, position.Step, position.Epoch + 1, position.BatchesInEpoch);
        _current = position.EpochCompleted ? position with { Epoch = position.Epoch + 1, BatchesInEpoch = 0, EpochCompleted = false } : position;
        return _current;
    }

    /// <summary>
    /// The checkpoint's position for <paramref name="ranks"/> ranks: the batches read per epoch are the global steps
    /// times the ranks, so with the global batch kept (the documented recipe) the run continues with the very next samples.
    /// </summary>
    private static TrainingPosition InRanksOf(CheckpointManifest manifest, int ranks)
    {
        var position = manifest.Position;
        var saved = Math.Max(1, manifest.WorldSize);
        return saved == ranks ? position : position with { BatchesInEpoch = position.BatchesInEpoch / saved * ranks };
    }

    public void AfterStep(TrainingPosition position)
    {
        _current = position;
        if (Periodic && _settings.EverySteps is { } every && position.Step % every == 0)
        {
            Save(position, "steps");
        }
    }

    /// <summary>Records the end of an epoch; returns the checkpoint written for it, if <c>every_epochs</c> asked for one.</summary>
    public string? AfterEpoch(TrainingPosition position)
    {
        _current = position with { EpochCompleted = true };
        return Periodic && _settings.EveryEpochs is { } every && (position.Epoch + 1) % every == 0
            ? Save(position with { EpochCompleted = true }, "epoch")
            : null;
    }

    /// <summary>
    /// This stage's best checkpoint by <c>checkpoints.best_metric</c>, taken during the stage; null without one, or
    /// when the best is the stage's last step (its networks are the final ones).
    /// </summary>
    public string? BestFolder(long finalStep)
    {
        var best = _store.Best(_settings.BestMetric, _settings.BestMode, m => m.Position.StageIndex == _identity.StageIndex);
        return best is not null && CheckpointStore.ReadManifest(best).Position.Step < finalStep ? best : null;
    }

    public void StageEnded()
    {
        if (Periodic)
        {
            // The next stage builds its own optimisers and trainer: only networks and RNG carry over.
            Save(TrainingPosition.StartOf(_identity.StageIndex + 1), "stage-end", stageState: false);
        }
    }

    /// <summary>Called when a sweep rung paused the stage: saves the whole state at the last step so the stage can go on.</summary>
    public void Paused()
    {
        if (_current is { } position && position.Step != _lastSavedStep)
        {
            Save(position, "paused");
        }
    }

    /// <summary>
    /// Called when the user stopped the run (Ctrl+C, SIGTERM): saves the state after the last completed step.
    /// Nothing is saved if the stop came in the middle of a step (networks then hold half an update).
    /// </summary>
    public void Interrupted()
    {
        if (!_settings.Enabled || _context is null || _current is not { } position)
        {
            return;
        }

        if (_context.Step != position.Step)
        {
            _logger.LogWarning("Stopped in the middle of step {Step}: no checkpoint written; the previous one stays the latest.", _context.Step);
            return;
        }

        if (position.Step != _lastSavedStep)
        {
            Save(position, "interrupted");
        }

        _logger.LogWarning("Stopped at step {Step}; continue with: gan run EXPERIMENT --resume {RunId}", position.Step, _identity.RunId);
    }

    private string Save(TrainingPosition position, string reason, bool stageState = true)
    {
        var context = _context!;
        var manifest = new CheckpointManifest
        {
            Experiment = _identity.ExperimentName,
            RunId = _identity.RunId,
            StageRunIds = new Dictionary<int, string>(_identity.StageRunIds),
            TrackingStore = _identity.TrackingStore,
            StageName = _identity.StageName,
            Position = position,
            WorldSize = context.DataParallel?.Size ?? 1,
            Reason = reason,
            CreatedUtc = DateTimeOffset.UtcNow,
            Metrics = _metrics.Last.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            RecentMetrics = stageState ? _metrics.TakeSinceCheckpoint() : [],
        };
        using (var state = torch.get_rng_state())
        {
            manifest.CpuRngState = Convert.ToBase64String(state.data<byte>().ToArray());
        }

        var folder = WriteFiles(manifest, stageState);
        _lastSavedStep = position.Step;
        _store.Prune(_settings.Keep, _settings.BestMetric, _settings.BestMode);
        _logger.LogDebug("Checkpoint ({Reason}) at step {Step}: {Folder}", reason, position.Step, folder);
        if (_settings.LogArtifacts)
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                context.Tracker.LogArtifact($"checkpoints/{CheckpointStore.FolderName}/{Path.GetFileName(folder)}/{Path.GetFileName(file)}",
                    File.ReadAllBytes(file));
            }
        }

        return folder;
    }

    /// <summary>Logs again the checkpoint's recent values that never reached the store (the killed run's writer was behind).</summary>
    private void RelogLostMetrics(ResumePoint resume)
    {
        if (resume.StoredSteps is not { } stored)
        {
            return;
        }

        // Every retained checkpoint of this stage up to the resume point: the killed run's writer may have been
        // behind by more than one checkpoint interval, so the latest checkpoint alone may not hold every lost value.
        var position = resume.Manifest.Position;
        var recent = new CheckpointStore(Path.GetDirectoryName(resume.Folder)!).List()
            .Select(CheckpointStore.ReadManifest)
            .Where(m => m.Position.StageIndex == position.StageIndex && m.Position.Step <= position.Step)
            .Append(resume.Manifest)
            .SelectMany(m => m.RecentMetrics)
            .DistinctBy(m => (m.Key, m.Step));
        var lost = recent.Where(m => !(stored.TryGetValue(m.Key, out var steps) && steps.Contains(m.Step)))
            .OrderBy(m => m.Step).ToList();
        foreach (var metric in lost)
        {
            _metrics.LogMetric(metric.Key, metric.Value, metric.Step);
        }

        _metrics.TakeSinceCheckpoint(); // already in the checkpoint: do not carry them into the next one
        if (lost.Count > 0)
        {
            _logger.LogInformation("Logged {Count} metric value(s) again that the interrupted run had not written yet.", lost.Count);
        }
    }

    private void Restore(ResumePoint resume, TrainingContext context)
    {
        var manifest = resume.Manifest;
        RestoreNetworks(resume, context.NetworkStore);
        var startOfStage = manifest.Position.Step == 0 && manifest.Position.BatchesInEpoch == 0 && manifest.Position.Epoch == 0;
        RestoreOptimizers(resume, startOfStage ? [] : context.OptimizerProvider.Created);
        if (!startOfStage)
        {
            _components.Load(manifest, resume.Folder, _logger);
        }

        using var rng = torch.tensor(Convert.FromBase64String(manifest.CpuRngState));
        torch.set_rng_state(rng);
    }

    private void RestoreNetworks(ResumePoint resume, NetworkStore networks)
    {
        var savedOptions = ResumeLocator.ExperimentFileOf(resume) is { } experimentFile
            ? Gan.Configuration.ConfigWriter.Flatten(Gan.Configuration.ConfigDocument.Load(experimentFile).Root)
                .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in resume.Manifest.Networks)
        {
            // Networks of earlier stages (the sine predictor before the GAN) are rebuilt too, so that the resumed run
            // carries, saves and logs them exactly as the uninterrupted run does. torch's random state is restored after.
            var network = networks.Instances.GetValueOrDefault(entry.Instance)
                ?? (networks.ComponentOf(entry.Role ?? entry.Instance) is not null
                    ? networks.Get<INetwork>(entry.Role ?? entry.Instance, entry.Instance)
                    : null);
            if (network is null)
            {
                _logger.LogDebug("Network {Instance} of the checkpoint is not in this experiment's model.", entry.Instance);
                continue;
            }

            // Checkpoints written before a network's parameters were renamed store the former names.
            var savedShapes = new Dictionary<string, long[]>(Interchange.LegacyParameterNames.Rename(network.Module, entry.Shapes), StringComparer.Ordinal);
            CompatibilityCheck.Verify(resume.Folder, entry with { Shapes = savedShapes }, CheckpointWriter.Shapes(network.Module), savedOptions, _currentOptions);
            using var stream = File.OpenRead(Path.Combine(resume.Folder, entry.File));
            using var reader = new BinaryReader(stream);
            Interchange.LegacyParameterNames.Load(network.Module, reader);
        }
    }

    private void RestoreOptimizers(ResumePoint resume, IReadOnlyList<(string Role, torch.optim.Optimizer Optimizer)> created)
    {
        var saved = resume.Manifest.Optimizers;
        if (created.Count != saved.Count)
        {
            throw new GanInputException(
                $"Cannot resume from {resume.Folder}: the checkpoint has {saved.Count} optimiser(s) " +
                $"({string.Join(", ", saved.Select(o => o.Role))}) but stage '{_identity.StageName}' created {created.Count}.");
        }

        for (var i = 0; i < created.Count; i++)
        {
            var (role, optimizer) = created[i];
            var entry = saved[i];
            if (entry.Role != role || entry.Type != optimizer.GetType().Name || optimizer is not OptimizerHelper helper)
            {
                throw new GanInputException(
                    $"Cannot resume from {resume.Folder}: optimiser {i} is {entry.Type} for '{entry.Role}' in the checkpoint " +
                    $"but {optimizer.GetType().Name} for '{role}' in this experiment (optimizers.{role}.type?).");
            }

            using var stream = File.OpenRead(Path.Combine(resume.Folder, entry.File));
            using var reader = new BinaryReader(stream);
            try
            {
                helper.load_state_dict(reader);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidDataException or EndOfStreamException)
            {
                throw new GanInputException($"Cannot resume from {resume.Folder}: {entry.File} does not fit optimiser '{role}': {ex.Message}");
            }
        }
    }

    /// <summary>Writes the checkpoint's folder: component state, networks and (within a stage) optimisers; returns it.</summary>
    private string WriteFiles(CheckpointManifest manifest, bool stageState)
    {
        var context = _context!;
        var stateTensors = stageState ? _components.Save(manifest) : [];
        try
        {
            return _store.Write(manifest, temporary =>
            {
                if (stateTensors.Count > 0)
                {
                    AtomicFile.WriteDurable(Path.Combine(temporary, StateTensorFile.FileName), stream => StateTensorFile.Write(stream, stateTensors));
                }

                manifest.Networks.AddRange(CheckpointWriter.WriteNetworks(temporary, context.NetworkStore, assembling: true));
                manifest.Optimizers.AddRange(WriteOptimizers(temporary, stageState ? context.OptimizerProvider.Created : []));
            });
        }
        finally
        {
            foreach (var (_, tensor) in stateTensors)
            {
                tensor.Dispose();
            }
        }
    }

    private static IEnumerable<OptimizerEntry> WriteOptimizers(string folder, IReadOnlyList<(string Role, torch.optim.Optimizer Optimizer)> created)
    {
        for (var i = 0; i < created.Count; i++)
        {
            var (role, optimizer) = created[i];
            if (optimizer is not OptimizerHelper helper)
            {
                throw new InvalidOperationException($"Optimizer {optimizer.GetType().Name} cannot be checkpointed.");
            }

            var file = $"optimizer{i}-{role}.bin";
            AtomicFile.WriteDurable(Path.Combine(folder, file), stream =>
            {
                using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                helper.save_state_dict(writer);
            });
            yield return new OptimizerEntry(role, optimizer.GetType().Name, file, helper.ParamGroups.Select(g => g.LearningRate).ToList());
        }
    }
}

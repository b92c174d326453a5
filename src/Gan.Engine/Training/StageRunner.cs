using System.Diagnostics;
using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Experiments;
using Gan.Engine.Training.Callbacks;
using TorchSharp;

namespace Gan.Engine.Training;

/// <summary>
/// Runs one stage: epochs of batches through the trainer, one dispose scope per step so memory stays flat, the
/// progress display, and the stage callbacks (tracking, health, metrics, samples, checkpoints and any a plugin adds)
/// in their order after every step and epoch.
/// </summary>
internal sealed class StageRunner
{
    private readonly TrainingContext _context;
    private readonly ITrainer _trainer;
    private readonly StageDefinition _stage;
    private readonly StageCallbacks _callbacks;
    private readonly StageCheckpointer? _checkpoints;

    public StageRunner(TrainingContext context, ITrainer trainer, StageDefinition stage, StageCallbacks callbacks, StageCheckpointer? checkpoints)
    {
        _context = context;
        _trainer = trainer;
        _stage = stage;
        _callbacks = callbacks;
        _checkpoints = checkpoints;
    }

    public StageResult Run(ITrainingProgress progress)
    {
        // Data-parallel: each rank trains on every Size-th batch of the epoch's order (as PyTorch's DistributedSampler
        // shards it), so a step of all ranks covers Size consecutive batches; an incomplete last round is dropped.
        var ranks = _context.DataParallel?.Size ?? 1;
        var stepsPerEpoch = _context.Data.BatchesPerEpoch(DataSplit.Train) / ranks;
        if (stepsPerEpoch <= 0)
        {
            throw new GanInputException(ranks == 1
                ? $"The data source yields no training batches for stage '{_stage.Name}'."
                : $"The data source yields fewer training batches per epoch than there are ranks ({ranks}) for stage '{_stage.Name}'.");
        }

        var totalSteps = Math.Min(
            _stage.Steps ?? long.MaxValue,
            _stage.Epochs is { } epochs ? epochs * stepsPerEpoch : long.MaxValue);
        var totalEpochs = (int)Math.Ceiling(totalSteps / (double)stepsPerEpoch);

        _trainer.Initialize(_context);
        _context.NetworkStore.SetTraining(true);

        // A resumed stage continues at the checkpoint's step, epoch and batch (data order is fixed by seed and epoch).
        var start = _checkpoints?.Start(_context, _callbacks.StatefulWith(_trainer, _context.LossOrNull)) ?? TrainingPosition.StartOf(0);
        _context.Step = start.Step;
        _context.Epoch = start.Epoch;
        _context.DataParallel?.Broadcast(_context.NetworkStore.Instances.Values.SelectMany(n => n.Module.parameters().Concat(n.Module.buffers())));
        _callbacks.OnStageStart(_context);

        IReadOnlyDictionary<string, double> last = new Dictionary<string, double>();
        var dataWait = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var epoch = start.Epoch;
        using (var display = progress.BeginStage(_stage.Name, totalSteps, totalEpochs))
        {
            for (; epoch < totalEpochs && _context.Step < totalSteps && _context.StopReason is null; epoch++)
            {
                _context.Epoch = epoch;
                _context.BatchesInEpoch = epoch == start.Epoch ? start.BatchesInEpoch : 0;
                (last, var waited) = RunEpoch(Math.Min(totalSteps, _context.Step + StepsLeftInEpoch(stepsPerEpoch, ranks)), display, last);
                dataWait += waited;
                _context.CancellationToken.ThrowIfCancellationRequested();
                if (_context.StopReason is not null)
                {
                    break; // stopped early inside the epoch: no epoch-end work for a partial epoch
                }

                _trainer.OnEpochEnd(_context);
                _callbacks.AfterEpoch(_context);
            }
        }

        _callbacks.OnStageEnd(_context);
        clock.Stop();
        return new StageResult(_context.Step, epoch, clock.Elapsed, dataWait, last);
    }

    /// <summary>This rank's steps left in the epoch (batches are counted over all ranks in <c>BatchesInEpoch</c>).</summary>
    private long StepsLeftInEpoch(long stepsPerEpoch, int ranks) =>
        Math.Max(0, stepsPerEpoch - _context.BatchesInEpoch / ranks);

    /// <summary>The epoch's remaining batches, up to <paramref name="lastStep"/>; returns the last values and the time spent waiting for data.</summary>
    private (IReadOnlyDictionary<string, double> Last, TimeSpan DataWait) RunEpoch(
        long lastStep, IStageProgress display, IReadOnlyDictionary<string, double> last)
    {
        var cancellation = _context.CancellationToken;
        var dataParallel = _context.DataParallel;
        var (rank, ranks) = (dataParallel?.Rank ?? 0, dataParallel?.Size ?? 1);
        var request = new EpochRequest(DataSplit.Train, _context.Epoch, _context.Seed, _context.BatchesInEpoch);
        using var reader = new PrefetchingBatchReader(_context.Data.ReadEpoch(request, cancellation), _stage.PrefetchBatches, cancellation);
        var read = 0L;
        while (_context.Step < lastStep && _context.StopReason is null && reader.Next() is { } batch)
        {
            cancellation.ThrowIfCancellationRequested();
            if (read++ % ranks != rank)
            {
                batch.Dispose(); // another rank's share
                continue;
            }

            _context.Step++;
            _context.BatchesInEpoch += ranks;
            _context.Throughput?.StepDone(_context.Step, batch.Count);
            using var scope = torch.NewDisposeScope();
            last = RunStep(batch);
            display.Report(_context.Step, _context.Epoch, last);
            _callbacks.AfterStep(_context, last);
            _context.AdaptiveThreads?.Apply();
            if (dataParallel is not null && dataParallel.AnyStops(_context.StopReason is not null))
            {
                _context.StopReason ??= "another rank ended the stage"; // rank 0's early stopping: every rank stops at the same step
            }
        }

        return (last, reader.WaitTime);
    }

    /// <summary>One step of the trainer; data-parallel, the values are the means over the ranks, checked once they are.</summary>
    private IReadOnlyDictionary<string, double> RunStep(Batch batch)
    {
        var onDevice = batch.MoveTo(_context.Device);
        try
        {
            var values = _trainer.Step(onDevice, _context);
            values = _context.DataParallel?.Average(values) ?? values;
            foreach (var (key, value) in values)
            {
                if (!double.IsFinite(value))
                {
                    throw new TrainingDivergedException(
                        $"{key} became {value} at step {_context.Step} of stage '{_stage.Name}' (epoch {_context.Epoch + 1}). " +
                        "Training diverged: lower the learning rates, or try another loss (see README, Troubleshooting)." +
                        _callbacks.LastGoodNote);
                }
            }

            return values;
        }
        finally
        {
            onDevice.Dispose();
        }
    }
}

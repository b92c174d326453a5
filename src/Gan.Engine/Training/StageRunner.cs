using System.Diagnostics;
using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Experiments;
using Gan.Engine.Health;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Gan.Engine.Training;

/// <summary>
/// Runs one stage: epochs of batches through the trainer, one dispose scope per step so memory stays flat,
/// per-step values to the tracker and the progress display, metrics and samples at their cadences.
/// </summary>
internal sealed class StageRunner
{
    private readonly TrainingContext _context;
    private readonly ITrainer _trainer;
    private readonly StageDefinition _stage;
    private readonly IReadOnlyList<IMetric> _metrics;
    private readonly IReadOnlyList<ISampleRenderer> _samplers;
    private readonly Action<int> _onEpochCompleted;
    private readonly StageCheckpointer? _checkpoints;
    private readonly HealthMonitor? _health;
    private readonly LearningRateLogger _learningRates;

    public StageRunner(
        TrainingContext context,
        ITrainer trainer,
        StageDefinition stage,
        IReadOnlyList<IMetric> metrics,
        IReadOnlyList<ISampleRenderer> samplers,
        Action<int> onEpochCompleted,
        StageCheckpointer? checkpoints = null,
        HealthMonitor? health = null)
    {
        _context = context;
        _trainer = trainer;
        _stage = stage;
        _metrics = metrics;
        _samplers = samplers;
        _onEpochCompleted = onEpochCompleted;
        _checkpoints = checkpoints;
        _health = health;
        _learningRates = new LearningRateLogger(context.OptimizerProvider);
    }

    public StageResult Run(ITrainingProgress progress)
    {
        var cancellation = _context.CancellationToken;
        var data = _context.Data;
        var stepsPerEpoch = data.BatchesPerEpoch(DataSplit.Train);
        if (stepsPerEpoch <= 0)
        {
            throw new GanInputException($"The data source yields no training batches for stage '{_stage.Name}'.");
        }

        var totalSteps = Math.Min(
            _stage.Steps ?? long.MaxValue,
            _stage.Epochs is { } epochs ? epochs * stepsPerEpoch : long.MaxValue);
        var totalEpochs = (int)Math.Ceiling(totalSteps / (double)stepsPerEpoch);

        _trainer.Initialize(_context);
        _context.NetworkStore.SetTraining(true);

        // A resumed stage continues at the checkpoint's step, epoch and batch (data order is fixed by seed and epoch).
        var start = _checkpoints?.Start(_context, StatefulComponents.Of(_trainer, _context.LossOrNull, _metrics, _samplers))
            ?? TrainingPosition.StartOf(0);

        IReadOnlyDictionary<string, double> last = new Dictionary<string, double>();
        var dataWait = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        long step = start.Step;
        var epoch = start.Epoch;
        using (var display = progress.BeginStage(_stage.Name, totalSteps, totalEpochs))
        {
            for (; epoch < totalEpochs && step < totalSteps; epoch++)
            {
                _context.Epoch = epoch;
                var inEpoch = epoch == start.Epoch ? start.BatchesInEpoch : 0;
                var request = new EpochRequest(DataSplit.Train, epoch, _context.Seed, inEpoch);
                using (var reader = new PrefetchingBatchReader(data.ReadEpoch(request, cancellation), _stage.PrefetchBatches, cancellation))
                {
                    while (step < totalSteps && reader.Next() is { } batch)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        step++;
                        inEpoch++;
                        _context.Step = step;
                        _context.Throughput?.StepDone(step, batch.Count);
                        last = RunStep(batch);
                        _learningRates.AfterStep(_context.Tracker, step);
                        _health?.AfterStep(step, last);
                        display.Report(step, epoch, last);
                        if (step % _stage.LogEvery == 0)
                        {
                            _context.Tracker.LogMetrics(last, step);
                        }

                        if (_stage.MetricsEvery is { } everyMetrics && step % everyMetrics == 0)
                        {
                            Evaluate();
                        }

                        if (_stage.SamplesEvery is { } everySamples && step % everySamples == 0)
                        {
                            Render();
                        }

                        _checkpoints?.AfterStep(new TrainingPosition(start.StageIndex, epoch, inEpoch, step));
                    }

                    dataWait += reader.WaitTime;
                }

                cancellation.ThrowIfCancellationRequested();
                _trainer.OnEpochEnd(_context);
                if (_stage.MetricsEvery is null)
                {
                    Evaluate();
                }

                if (_stage.SamplesEvery is null)
                {
                    Render();
                }

                _onEpochCompleted(epoch);
                _checkpoints?.AfterEpoch(new TrainingPosition(start.StageIndex, epoch, stepsPerEpoch, step));
            }
        }

        clock.Stop();
        return new StageResult(step, epoch, clock.Elapsed, dataWait, last);
    }

    private IReadOnlyDictionary<string, double> RunStep(Batch batch)
    {
        using var scope = torch.NewDisposeScope();
        var onDevice = batch.MoveTo(_context.Device);
        try
        {
            var values = _trainer.Step(onDevice, _context);
            foreach (var (key, value) in values)
            {
                if (!double.IsFinite(value))
                {
                    throw new TrainingDivergedException(
                        $"{key} became {value} at step {_context.Step} of stage '{_stage.Name}' (epoch {_context.Epoch + 1}). " +
                        "Training diverged: lower the learning rates, or try another loss (see README, Troubleshooting)." +
                        _health?.LastGoodNote);
                }
            }

            return values;
        }
        finally
        {
            onDevice.Dispose();
        }
    }

    private void Evaluate()
    {
        if (_metrics.Count == 0)
        {
            return;
        }

        WithEvaluationMode(() =>
        {
            foreach (var metric in _metrics)
            {
                var values = metric.Evaluate(_context);
                _context.Tracker.LogMetrics(values, _context.Step);
                // One compact line per evaluation; every value is in the run.
                _context.Logger.LogInformation("Step {Step}: {Metrics}", _context.Step, MetricLine.Format(values));
            }
        });
    }

    private void Render()
    {
        if (_samplers.Count == 0)
        {
            return;
        }

        WithEvaluationMode(() =>
        {
            foreach (var sampler in _samplers)
            {
                foreach (var artifact in sampler.Render(_context))
                {
                    if (artifact.IsImage)
                    {
                        _context.Tracker.LogImage(artifact.Key, artifact.Content, _context.Step);
                    }
                    else
                    {
                        _context.Tracker.LogArtifact(
                            $"samples/{_context.StageName}/{artifact.Key}_step{_context.Step:D8}.{artifact.FileExtension}", artifact.Content);
                    }
                }
            }
        });
    }

    private void WithEvaluationMode(Action action)
    {
        _context.NetworkStore.SetTraining(false);
        try
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            action();
        }
        finally
        {
            _context.NetworkStore.SetTraining(true);
        }
    }
}

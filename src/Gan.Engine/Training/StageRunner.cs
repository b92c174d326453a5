using System.Diagnostics;
using Gan.Abstractions;
using Gan.Engine.Experiments;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Gan.Engine.Training;

/// <summary>
/// Runs one stage: epochs of batches through the trainer, one dispose scope per step so memory stays flat,
/// per-step values to the tracker and the progress display, metrics and samples at their cadences.
/// </summary>
internal sealed class StageRunner
{
    private const int PrefetchDepth = 4;

    private readonly TrainingContext _context;
    private readonly ITrainer _trainer;
    private readonly StageDefinition _stage;
    private readonly IReadOnlyList<IMetric> _metrics;
    private readonly IReadOnlyList<ISampleRenderer> _samplers;
    private readonly Action<int> _onEpochCompleted;

    public StageRunner(
        TrainingContext context,
        ITrainer trainer,
        StageDefinition stage,
        IReadOnlyList<IMetric> metrics,
        IReadOnlyList<ISampleRenderer> samplers,
        Action<int> onEpochCompleted)
    {
        _context = context;
        _trainer = trainer;
        _stage = stage;
        _metrics = metrics;
        _samplers = samplers;
        _onEpochCompleted = onEpochCompleted;
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

        IReadOnlyDictionary<string, double> last = new Dictionary<string, double>();
        var dataWait = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        long step = 0;
        var epoch = 0;
        using (var display = progress.BeginStage(_stage.Name, totalSteps, totalEpochs))
        {
            for (; epoch < totalEpochs && step < totalSteps; epoch++)
            {
                _context.Epoch = epoch;
                var request = new EpochRequest(DataSplit.Train, epoch, _context.Seed);
                using (var reader = new PrefetchingBatchReader(data.ReadEpoch(request, cancellation), PrefetchDepth, cancellation))
                {
                    while (step < totalSteps && reader.Next() is { } batch)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        step++;
                        _context.Step = step;
                        last = RunStep(batch);
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
                        "Training diverged: lower the learning rates, or try another loss (see README, Troubleshooting).");
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
                foreach (var (key, value) in values)
                {
                    _context.Logger.LogInformation("Step {Step}: {Metric} = {Value:G5}", _context.Step, key, value);
                }
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

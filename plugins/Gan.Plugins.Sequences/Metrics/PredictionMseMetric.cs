using Gan.Abstractions;
using Gan.Plugins.Sequences.Data;
using Gan.Plugins.Sequences.Networks;
using Gan.Plugins.Sequences.Training;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Plugins.Sequences.Metrics;

/// <summary>
/// The predictor's error on the Validation split, in training (scaled) units: <c>val_mse</c> for one-step
/// predictions from every window, <c>val_free_run_mse</c> for the free-running forecast that starts from each
/// sequence's first window and feeds its own predictions back to the end of the sequence, and <c>val_rmse</c>,
/// the one-step error in the data's own units.
/// </summary>
internal sealed class PredictionMseMetric : IMetric, IDisposable
{
    private readonly PredictionMseOptions _options;
    private Tensor? _series;

    public PredictionMseMetric(PredictionMseOptions options) => _options = options;

    public IReadOnlyDictionary<string, double> Evaluate(ITrainingContext context)
    {
        if (!StageFilter.Applies(_options.Stages, context.StageName))
        {
            return new Dictionary<string, double>();
        }

        var predictor = context.Networks.Get<IGenerator>(_options.Predictor) as LstmPredictor
            ?? throw new GanInputException($"prediction-mse needs model.{_options.Predictor} of type lstm-predictor.");
        _series ??= ValidationSeries(context, _options.Count).DetachFromDisposeScope();
        var window = predictor.Window;
        var length = _series.shape[1];
        var x = _series.narrow(1, 0, length - 1).unsqueeze(-1);
        var y = _series.narrow(1, 1, length - 1).unsqueeze(-1);
        var (inputs, targets) = PredictionWindows.Cut(x, y, window);
        var oneStep = F.mse_loss(predictor.forward(inputs), targets).item<float>();
        var forecast = predictor.Forecast(_series.narrow(1, 0, window).unsqueeze(-1), (int)(length - window));
        var freeRun = F.mse_loss(forecast, _series.narrow(1, window, length - window)).item<float>();
        var scale = context.Data is IScaledSeries scaled ? scaled.Scaler.Scale : 1.0;
        return new Dictionary<string, double>
        {
            ["val_mse"] = oneStep,
            ["val_free_run_mse"] = freeRun,
            ["val_rmse"] = Math.Sqrt(oneStep) * scale,
        };
    }

    /// <summary>The first validation series (N, T + 1) on the training device, from any source with "x" and "y".</summary>
    internal static Tensor ValidationSeries(ITrainingContext context, int count)
    {
        var data = context.Data;
        var split = data.Splits.Contains(DataSplit.Validation) ? DataSplit.Validation : DataSplit.Train;
        var rows = new List<Tensor>();
        long taken = 0;
        foreach (var batch in data.ReadEpoch(new EpochRequest(split, 0, context.Seed), CancellationToken.None))
        {
            using (batch)
            {
                var take = Math.Min(batch.Count, count - taken);
                rows.Add(PredictionWindows.Series(batch.Samples, batch[Batch.TargetsKey]).narrow(0, 0, take));
                taken += take;
            }

            if (taken >= count)
            {
                break;
            }
        }

        return rows.Count == 0
            ? throw new GanInputException($"The data source yields no {split} sequences for prediction-mse.")
            : cat(rows, 0).to(context.Device);
        // (N, T + 1)
    }

    public void Dispose() => _series?.Dispose();
}

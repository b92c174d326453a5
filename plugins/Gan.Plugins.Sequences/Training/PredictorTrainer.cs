using System.Text;
using Gan.Abstractions;
using Gan.Plugins.Sequences.Data;
using Gan.Plugins.Sequences.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Plugins.Sequences.Training;

/// <summary>
/// Supervised training of the LSTM predictor, as in the classic sine example: every window of past values in
/// the batch predicts the value that follows it, MSE loss, one optimiser step (Adam 1e-3 in the experiments).
/// Logs <c>mse</c> per step; validation MSE comes from the <c>prediction-mse</c> metric.
/// </summary>
internal sealed class PredictorTrainer : ITrainer
{
    private readonly PredictorTrainerOptions _options;
    private LstmPredictor? _predictor;
    private optim.Optimizer? _optimizer;

    public PredictorTrainer(PredictorTrainerOptions options) => _options = options;

    public void Initialize(ITrainingContext context)
    {
        _predictor = context.Networks.Get<IGenerator>(_options.Predictor) as LstmPredictor
            ?? throw new GanInputException($"The 'predictor' trainer needs model.{_options.Predictor} of type lstm-predictor.");
        _optimizer = context.Optimizers.Create(_options.Predictor, _predictor.parameters());
        if (context.Data is IScaledSeries scaled)
        {
            // Saved with the run, beside the checkpoints, so forecasts can be turned back into the data's units.
            context.Tracker.LogArtifact("data/scaler.json", Encoding.UTF8.GetBytes(scaled.Scaler.ToJson()));
        }
    }

    public IReadOnlyDictionary<string, double> Step(Batch batch, ITrainingContext context)
    {
        var predictor = _predictor!;
        var (inputs, targets) = PredictionWindows.Cut(batch.Samples, batch[Batch.TargetsKey], predictor.Window);
        if (_options.WindowsPerStep > 0 && _options.WindowsPerStep < inputs.shape[0])
        {
            var pick = randperm(inputs.shape[0], device: inputs.device).narrow(0, 0, _options.WindowsPerStep);
            (inputs, targets) = (inputs.index_select(0, pick), targets.index_select(0, pick));
        }

        _optimizer!.zero_grad();
        var loss = F.mse_loss(predictor.forward(inputs), targets);
        loss.backward();
        _optimizer.step();
        return new Dictionary<string, double>(1) { ["mse"] = loss.item<float>() };
    }
}

using Gan.Abstractions;
using Gan.Plugins.Sequences.Data;
using Gan.Plugins.Sequences.Metrics;
using Gan.Plugins.Sequences.Networks;
using Gan.Plugins.Sequences.Plotting;
using Gan.Plugins.Sequences.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Gan.Plugins.Sequences;

/// <summary>
/// Entry point of the sine / LSTM plugin: the <c>sine</c> and <c>csv-series</c> data sources, the classic LSTM
/// predictor and its <c>predictor</c> trainer, the recurrent GAN's <c>lstm</c> generator and discriminator, the
/// <c>prediction-mse</c> and <c>sequence-distribution</c> metrics and the <c>prediction-plot</c> and
/// <c>sequence-plot</c> renderers.
/// </summary>
public sealed class SequencesPlugin : IGanPlugin
{
    /// <inheritdoc />
    public void Configure(IServiceCollection services)
    {
        services.AddSingleton<ISampleExporter, SequenceSampleExporter>();
        services.AddGanComponent<IDataSource, SineDataOptions>(
            "sine", (context, options) => new SineDataSource(context, options),
            "Synthetic sine sequences (ranges of frequency, phase, amplitude, noise), deterministic per seed; x and next-step y, (B, T, 1).");
        services.AddGanComponent<IDataSource, CsvSeriesOptions>(
            "csv-series", (context, options) => new CsvSeriesDataSource(context, options),
            "One column of a CSV file: split by time, scaled (scaler saved), cut into sliding windows; x and next-step y, (B, T, 1).");
        services.AddGanComponent<IGenerator, LstmPredictorOptions>(
            "lstm-predictor", (_, options) => new LstmPredictor(options),
            "The classic sine predictor: window of 10 → 2-layer LSTM (50) → linear → next value. Use under model.predictor.");
        services.AddGanComponent<IGenerator, LstmGeneratorOptions>(
            "lstm", (_, options) => new LstmGenerator(options),
            "Recurrent generator (RGAN / C-RNN-GAN): a per-sequence code (initial LSTM states) and per-step noise, latent (T + 1, noise_dim) → stacked LSTM → linear (→ tanh) per step.");
        services.AddGanComponent<IDiscriminator, LstmDiscriminatorOptions>(
            "lstm", (_, options) => new LstmDiscriminator(options),
            "Recurrent discriminator: (bidirectional) stacked LSTM over the whole sequence and the batch's spread per step (minibatch std), one logit per step.");
        services.AddGanComponent<ITrainer, PredictorTrainerOptions>(
            "predictor", (_, options) => new PredictorTrainer(options),
            "Supervised next-value prediction from sliding windows, MSE loss (the classic LSTM sine example).");
        services.AddGanComponent<IMetric, PredictionMseOptions>(
            "prediction-mse", (_, options) => new PredictionMseMetric(options),
            "Validation MSE of the predictor: one-step (val_mse), free-running (val_free_run_mse), RMSE in data units (val_rmse).");
        services.AddGanComponent<IMetric, SequenceDistributionOptions>(
            "sequence-distribution", (context, options) => new SequenceDistributionMetric(options, context.Seed),
            "Generated vs real sequences: Wasserstein-1 of dominant frequency (freq_w1) and amplitude (amp_w1), MMD² (mmd2).");
        services.AddGanComponent<ISampleRenderer, PredictionPlotOptions>(
            "prediction-plot", (_, options) => new PredictionPlotRenderer(options),
            "PNG line plot of validation sequences: real, one-step and free-running predictions.");
        services.AddGanComponent<ISampleRenderer, SequencePlotOptions>(
            "sequence-plot", (context, options) => new SequencePlotRenderer(options, context.Seed),
            "PNG line plots of generated sequences from fixed noise, beside real ones.");
    }
}

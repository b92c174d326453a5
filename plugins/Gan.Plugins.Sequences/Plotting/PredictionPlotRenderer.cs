using Gan.Abstractions;
using Gan.Plugins.Sequences.Data;
using Gan.Plugins.Sequences.Metrics;
using Gan.Plugins.Sequences.Networks;
using Gan.Plugins.Sequences.Training;
using static TorchSharp.torch;

namespace Gan.Plugins.Sequences.Plotting;

/// <summary>
/// Plots validation sequences against the predictor, in the data's own units: the real series, the one-step
/// predictions (each from the true previous window) and the free-running forecast (from the first window only,
/// fed its own predictions), with a dashed line where the forecast starts.
/// </summary>
internal sealed class PredictionPlotRenderer : ISampleRenderer
{
    private readonly PredictionPlotOptions _options;

    public PredictionPlotRenderer(PredictionPlotOptions options) => _options = options;

    public IReadOnlyList<SampleArtifact> Render(ITrainingContext context)
    {
        if (!StageFilter.Applies(_options.Stages, context.StageName))
        {
            return [];
        }

        var predictor = context.Networks.Get<IGenerator>(_options.Predictor) as LstmPredictor
            ?? throw new GanInputException($"prediction-plot needs model.{_options.Predictor} of type lstm-predictor.");
        var scaler = context.Data is IScaledSeries scaled ? scaled.Scaler : SeriesScaler.Identity;
        var series = PredictionMseMetric.ValidationSeries(context, _options.Count);
        // (N, T + 1)
        var window = predictor.Window;
        var length = series.shape[1];
        var count = series.shape[0];
        var x = series.narrow(1, 0, length - 1).unsqueeze(-1);
        var y = series.narrow(1, 1, length - 1).unsqueeze(-1);
        var (inputs, _) = PredictionWindows.Cut(x, y, window);
        var oneStep = predictor.forward(inputs).reshape(count, length - window).cpu().to(ScalarType.Float64);
        // (N, T + 1 - W): prediction of step W + k
        var forecast = predictor.Forecast(series.narrow(1, 0, window).unsqueeze(-1), (int)(length - window)).cpu().to(ScalarType.Float64);
        var real = series.cpu().to(ScalarType.Float64);

        var panels = new List<(string, IReadOnlyList<PlotSeries>, double?)>();
        for (var n = 0; n < count; n++)
        {
            var steps = Enumerable.Range(0, (int)length).Select(t => (double)t).ToArray();
            var realValues = real[n].data<double>().Select(scaler.Inverse).ToArray();
            var oneStepValues = Pad(window, oneStep[n].data<double>().Select(scaler.Inverse));
            var forecastValues = Pad(window, forecast[n].data<double>().Select(scaler.Inverse));
            panels.Add((
                $"VALIDATION {n + 1}  STEP {context.Step}",
                [
                    new PlotSeries("REAL", Rgb.Real, steps, realValues),
                    new PlotSeries("ONE-STEP", Rgb.Blue, steps, oneStepValues),
                    new PlotSeries("FREE-RUN", Rgb.Orange, steps, forecastValues),
                ],
                window - 0.5));
        }

        return [new SampleArtifact(_options.Key, "png", LinePlot.Stack(_options.Width, _options.PanelHeight, panels))];
    }

    // Steps before the first prediction are blank (NaN leaves a gap in the line).
    private static double[] Pad(int leading, IEnumerable<double> values) =>
        Enumerable.Repeat(double.NaN, leading).Concat(values).ToArray();
}

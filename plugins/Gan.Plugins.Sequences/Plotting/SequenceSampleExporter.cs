using System.Globalization;
using System.Text;
using Gan.Abstractions;
using Gan.Plugins.Sequences.Data;
using static TorchSharp.torch;

namespace Gan.Plugins.Sequences.Plotting;

/// <summary>
/// <c>gan sample</c> for the recurrent GAN's runs: the generated sequences in the data's own units (the run's scaler
/// undone) as <c>sequences.csv</c> (a step column, then one column per sample) and a plot of the first 16.
/// </summary>
internal sealed class SequenceSampleExporter : ISampleExporter
{
    private const int PlottedSamples = 16;

    public IReadOnlyList<string> DataSources { get; } = ["sine", "csv-series"];

    public IReadOnlyList<string> Export(SampleExportRequest request)
    {
        var scaler = ScalerOf(request.Run);
        var values = request.Samples.to(ScalarType.Float64).reshape(request.Samples.shape[0], -1);
        // (N, T)
        var series = Enumerable.Range(0, (int)values.shape[0])
            .Select(n => values[n].data<double>().Select(scaler.Inverse).ToArray())
            .ToList();
        var csv = new StringBuilder("step");
        for (var n = 0; n < series.Count; n++)
        {
            csv.Append(CultureInfo.InvariantCulture, $",sample_{n + 1}");
        }

        csv.Append('\n');
        for (var t = 0; t < series[0].Length; t++)
        {
            csv.Append(t.ToString(CultureInfo.InvariantCulture));
            foreach (var sample in series)
            {
                csv.Append(',').Append(sample[t].ToString("R", CultureInfo.InvariantCulture));
            }

            csv.Append('\n');
        }

        var table = Path.Combine(request.Folder, "sequences.csv");
        File.WriteAllText(table, csv.ToString());
        var steps = Enumerable.Range(0, series[0].Length).Select(t => (double)t).ToArray();
        var panels = series.Take(PlottedSamples)
            .Select((y, n) => ($"SAMPLE {n + 1}  SEED {request.Seed}", (IReadOnlyList<PlotSeries>)[new PlotSeries("GENERATED", Rgb.Blue, steps, y)], (double?)null))
            .ToList();
        var plot = Path.Combine(request.Folder, "sequences.png");
        File.WriteAllBytes(plot, LinePlot.Stack(640, 120, panels));
        return [table, plot];
    }

    /// <summary>The run's fitted scaling; the identity when the data (needed to fit it) cannot be read here.</summary>
    private static SeriesScaler ScalerOf(ITrainedRun run)
    {
        var data = run.CreateDataSource();
        try
        {
            if (data is not IScaledSeries scaled)
            {
                return SeriesScaler.Identity;
            }

            data.PrepareAsync(CancellationToken.None).GetAwaiter().GetResult();
            return scaled.Scaler;
        }
        finally
        {
            (data as IDisposable)?.Dispose();
        }
    }
}

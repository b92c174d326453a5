using System.Globalization;

namespace Gan.Plugins.Sequences.Plotting;

/// <summary>
/// Draws line plots (axes with numbered ticks, light grid, legend of colour swatches and labels) onto a
/// <see cref="Canvas"/>. Hand-written: the package feed has no plotting library worth a plugin dependency, and
/// a line plot is a few hundred pixels of lines and labels.
/// </summary>
internal static class LinePlot
{
    private const int LeftMargin = 64;
    private const int RightMargin = 12;
    private const int TopMargin = 28;
    private const int BottomMargin = 26;

    /// <summary>Draws one plot into a rectangle of <paramref name="canvas"/>.</summary>
    /// <param name="canvas">The image drawn on.</param>
    /// <param name="left">The rectangle's left edge in pixels.</param>
    /// <param name="top">The rectangle's top edge in pixels.</param>
    /// <param name="width">The rectangle's width in pixels.</param>
    /// <param name="height">The rectangle's height in pixels.</param>
    /// <param name="title">Text above the plot.</param>
    /// <param name="series">The lines, drawn in order (later on top).</param>
    /// <param name="markX">An x value marked with a dashed vertical line (where a forecast starts), or null.</param>
    /// <param name="legend">Whether to draw colour swatches and labels top right.</param>
    public static void Draw(Canvas canvas, int left, int top, int width, int height, string title, IReadOnlyList<PlotSeries> series, double? markX = null, bool legend = true)
    {
        var finite = series.SelectMany(s => s.Y).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var (yMin, yMax) = Pad(finite.Min(), finite.Max());
        var xs = series.SelectMany(s => s.X).DefaultIfEmpty(0).ToArray();
        var (xMin, xMax) = (xs.Min(), xs.Max() > xs.Min() ? xs.Max() : xs.Min() + 1);
        var plotLeft = left + LeftMargin;
        var plotTop = top + TopMargin;
        var plotWidth = width - LeftMargin - RightMargin;
        var plotHeight = height - TopMargin - BottomMargin;
        double Px(double x) => plotLeft + ((x - xMin) / (xMax - xMin) * (plotWidth - 1));
        double Py(double y) => plotTop + ((yMax - y) / (yMax - yMin) * (plotHeight - 1));

        canvas.Text(plotLeft, top + 6, title, Rgb.Axis);
        foreach (var tick in Ticks(yMin, yMax))
        {
            var py = Py(tick);
            canvas.Line(plotLeft, py, plotLeft + plotWidth - 1, py, Rgb.Grid);
            var label = Format(tick);
            canvas.Text(plotLeft - 6 - Canvas.TextWidth(label), (int)py - 5, label, Rgb.Axis);
        }

        foreach (var tick in Ticks(xMin, xMax))
        {
            var px = Px(tick);
            canvas.Line(px, plotTop, px, plotTop + plotHeight - 1, Rgb.Grid);
            var label = Format(tick);
            canvas.Text((int)px - (Canvas.TextWidth(label) / 2), plotTop + plotHeight + 8, label, Rgb.Axis);
        }

        canvas.Line(plotLeft, plotTop, plotLeft, plotTop + plotHeight - 1, Rgb.Axis);
        canvas.Line(plotLeft, plotTop + plotHeight - 1, plotLeft + plotWidth - 1, plotTop + plotHeight - 1, Rgb.Axis);
        if (markX is { } mark)
        {
            canvas.Line(Px(mark), plotTop, Px(mark), plotTop + plotHeight - 1, Rgb.Axis, dash: 4);
        }

        foreach (var line in series)
        {
            for (var i = 1; i < line.Y.Count; i++)
            {
                if (double.IsFinite(line.Y[i - 1]) && double.IsFinite(line.Y[i]))
                {
                    canvas.Line(Px(line.X[i - 1]), Py(line.Y[i - 1]), Px(line.X[i]), Py(line.Y[i]), line.Color, thickness: 2);
                }
            }
        }

        if (legend)
        {
            var x = plotLeft + plotWidth - 8;
            foreach (var line in series.Reverse())
            {
                x -= Canvas.TextWidth(line.Label) + 22;
                canvas.Fill(x, top + 8, 14, 6, line.Color);
                canvas.Text(x + 18, top + 6, line.Label, Rgb.Axis);
            }
        }
    }

    /// <summary>Renders plots stacked vertically, <paramref name="panelHeight"/> pixels each, as a PNG.</summary>
    public static byte[] Stack(int width, int panelHeight, IReadOnlyList<(string Title, IReadOnlyList<PlotSeries> Series, double? MarkX)> panels)
    {
        var canvas = new Canvas(width, panelHeight * Math.Max(panels.Count, 1));
        for (var i = 0; i < panels.Count; i++)
        {
            Draw(canvas, 0, i * panelHeight, width, panelHeight, panels[i].Title, panels[i].Series, panels[i].MarkX);
        }

        return canvas.ToPng();
    }

    private static readonly double[] NiceSteps = [1.0, 2.0, 5.0, 10.0];

    private static (double Min, double Max) Pad(double min, double max)
    {
        var span = max - min;
        var pad = span > 0 ? span * 0.08 : Math.Max(Math.Abs(min) * 0.1, 1);
        return (min - pad, max + pad);
    }

    /// <summary>"Nice" tick values (1, 2 or 5 × 10^k apart) within [min, max].</summary>
    internal static IEnumerable<double> Ticks(double min, double max)
    {
        var raw = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = NiceSteps.Select(m => m * magnitude).First(s => s >= raw);
        for (var tick = Math.Ceiling(min / step) * step; tick <= max + (step * 1e-9); tick += step)
        {
            yield return Math.Abs(tick) < step * 1e-9 ? 0 : tick;
        }
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture).ToUpperInvariant();
}

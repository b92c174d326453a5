using Gan.Plugins.Sequences.Plotting;
using StbImageSharp;

namespace Gan.Plugins.Sequences.Tests;

public sealed class LinePlotTests
{
    [Fact]
    public void Stacked_plot_is_a_png_of_the_requested_size_with_each_series_colour_drawn()
    {
        var steps = Enumerable.Range(0, 50).Select(t => (double)t).ToArray();
        IReadOnlyList<PlotSeries> series =
        [
            new("REAL", Rgb.Real, steps, steps.Select(t => Math.Sin(t / 5)).ToArray()),
            new("FREE-RUN", Rgb.Orange, steps, steps.Select(t => t < 10 ? double.NaN : Math.Cos(t / 5)).ToArray()),
        ];

        var png = LinePlot.Stack(400, 150, [("TEST 1", series, 9.5), ("TEST 2", series, null)]);

        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        Assert.Equal(400, image.Width);
        Assert.Equal(300, image.Height);
        var pixels = Enumerable.Range(0, image.Width * image.Height)
            .Select(i => (image.Data[i * 3], image.Data[(i * 3) + 1], image.Data[(i * 3) + 2])).ToHashSet();
        Assert.Contains((Rgb.Orange.R, Rgb.Orange.G, Rgb.Orange.B), pixels);
        Assert.Contains((Rgb.Real.R, Rgb.Real.G, Rgb.Real.B), pixels);
    }

    [Fact]
    public void Ticks_are_round_numbers_inside_the_range()
    {
        var ticks = LinePlot.Ticks(-1.1, 1.1).ToList();

        Assert.Equal([-1.0, -0.5, 0, 0.5, 1.0], ticks);
    }
}

namespace Gan.Plugins.Sequences.Plotting;

/// <summary>One line of a plot: its legend label, colour and points (x, y); NaN y values leave gaps.</summary>
internal sealed record PlotSeries(string Label, Rgb Color, IReadOnlyList<double> X, IReadOnlyList<double> Y);

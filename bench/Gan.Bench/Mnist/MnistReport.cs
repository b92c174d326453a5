using System.Globalization;

namespace Gan.Bench.Mnist;

/// <summary>Collects the MNIST measurements and prints the side-by-side table with each target's verdict.</summary>
internal sealed class MnistReport
{
    // The targets of issue 2 ("Done means").
    private const double MinRatio = 1.0;
    private const double MaxDataShare = 0.05;
    private const double MaxGrowthMb = 50;
    private const double MaxStartupSeconds = 3;
    private const double Mb = 1024 * 1024;

    private static readonly (string Side, string Title)[] Columns =
        [("engine", "engine"), ("bare", "bare TorchSharp"), ("pytorch", "PyTorch")];

    private readonly MnistLoopSettings _settings;
    private readonly int _rounds;
    private readonly List<LoopMeasurement> _runs = [];

    public MnistReport(MnistLoopSettings settings, int rounds)
    {
        _settings = settings;
        _rounds = rounds;
    }

    public LoopMeasurement? MemoryRun { get; set; }

    public List<StartupMeasurement> Startups { get; } = [];

    public void Add(LoopMeasurement measurement) => _runs.Add(measurement);

    public void Print(TextWriter output)
    {
        var shown = Columns.Where(c => _runs.Any(r => r.Side == c.Side)).ToList();
        var pytorch = MedianRate("pytorch");
        output.WriteLine($"Results: medians of {_rounds} round(s) of {_settings.Steps} steps, {_settings.Threads} torch threads, CPU.");
        Row(output, "", shown.Select(c => c.Title));
        Row(output, "steps/s", shown.Select(c => Format(MedianRate(c.Side), "F1")));
        Row(output, "  each round", shown.Select(c => string.Join(" ", Of(c.Side).Select(r => r.StepsPerSecond.ToString("F1", CultureInfo.InvariantCulture)))));
        Row(output, "ratio to PyTorch", shown.Select(c => c.Side == "pytorch" ? "1" : Format(MedianRate(c.Side) / pytorch, "F3")));
        Row(output, "engine / bare", shown.Select(c => c.Side == "engine" ? Format(MedianRate("engine") / MedianRate("bare"), "F3") : ""));
        Row(output, "ms per step", shown.Select(c => Format(1000 / MedianRate(c.Side), "F2")));
        Row(output, "data wait share", shown.Select(c => c.Side == "engine" ? Percent(DataShare()) : "-"));
        Row(output, $"RSS growth, steps {_settings.WarmupSteps}-{_settings.Steps} (MB)",
            shown.Select(c => Format(Statistics.Median(Of(c.Side).Select(r => r.RssGrowthBytes / Mb)), "F1")));
        Row(output, $"RSS at step {_settings.Steps} (MB)",
            shown.Select(c => Format(Statistics.Median(Of(c.Side).Where(r => r.Rss.Count > 0).Select(r => r.Rss[^1].RssBytes / Mb)), "F0")));
        if (_runs.FirstOrDefault(r => r.Side == "pytorch") is { } peer)
        {
            output.WriteLine($"PyTorch {peer.Details.GetValueOrDefault("torch")}, {peer.Details.GetValueOrDefault("torch_threads")} threads, BLAS loaded: {peer.Details.GetValueOrDefault("blas_loaded")}");
        }

        if (_runs.FirstOrDefault(r => r.Side == "engine") is { } engine)
        {
            output.WriteLine($"Engine: libtorch {engine.Details.GetValueOrDefault("libtorch")}, {engine.Details.GetValueOrDefault("torch_threads")} threads, " +
                             $"{engine.Details.GetValueOrDefault("metric_lines")} metric lines written to the file store per run.");
        }

        output.WriteLine();
        output.WriteLine("Targets (issue 2):");
        var ratio = MedianRate("engine") / pytorch;
        Verdict(output, $"engine steps/s / PyTorch steps/s >= {MinRatio:F1}", Format(ratio, "F3"), ratio >= MinRatio);
        var share = DataShare();
        Verdict(output, $"data loading < {MaxDataShare:P0} of step time", Percent(share), share < MaxDataShare);
        var growth = MemoryRun is null ? double.NaN : MemoryRun.RssGrowthBytes / Mb;
        Verdict(output, $"RSS growth < {MaxGrowthMb} MB over {MemoryRun?.Steps ?? 0} steps (after {_settings.WarmupSteps})",
            MemoryRun is null ? "not run" : $"{growth:F1} MB ({MemoryRun.Rss[0].RssBytes / Mb:F0} -> {MemoryRun.Rss[^1].RssBytes / Mb:F0})",
            growth < MaxGrowthMb);
        var startup = Statistics.Median(Startups.Select(s => s.ToFirstStep.TotalSeconds));
        Verdict(output, $"launch to first training step < {MaxStartupSeconds} s", double.IsNaN(startup) ? "not run" : $"{startup:F2} s", startup < MaxStartupSeconds);
    }

    private IEnumerable<LoopMeasurement> Of(string side) => _runs.Where(r => r.Side == side);

    private double MedianRate(string side) => Statistics.Median(Of(side).Select(r => r.StepsPerSecond));

    private double DataShare() => Statistics.Median(Of("engine").Select(r => r.DataWaitShare ?? double.NaN));

    private static string Format(double value, string format) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double value) => double.IsNaN(value) ? "-" : value.ToString("P2", CultureInfo.InvariantCulture);

    private static void Row(TextWriter output, string label, IEnumerable<string> cells) =>
        output.WriteLine($"{label,-34}" + string.Concat(cells.Select(c => $"{c,18}")));

    private static void Verdict(TextWriter output, string target, string measured, bool pass) =>
        output.WriteLine($"  {target,-52} {measured,-22} {(measured is "not run" or "-" ? "n/a" : pass ? "PASS" : "FAIL")}");
}

using System.Globalization;
using Gan.Bench.Mnist;

namespace Gan.Bench.Domains;

/// <summary>
/// Collects every row's runs and prints the table (Markdown, so it pastes into the README as it is) and the verdict
/// of each target of issue 21.
/// </summary>
internal sealed class DomainReport
{
    // The targets of issue 21.
    private const double MinRatioToPyTorch = 1.0;
    private const double MinRatioToBare = 0.98;
    private const double MaxMnistMemoryRatio = 1.3;
    private const double MaxMemoryRatio = 1.5;
    private const double MaxGrowthMb = 50;
    private const double MaxStartupSeconds = 3;
    private const double Mb = 1024 * 1024;

    private readonly int _rounds;
    private readonly DateTimeOffset _started;
    private readonly List<(DomainBenchmark Domain, DomainRunSettings Settings)> _rows = [];
    private readonly List<(string Domain, LoopMeasurement Run)> _runs = [];
    private readonly Dictionary<string, List<StartupMeasurement>> _startups = new(StringComparer.Ordinal);

    public DomainReport(int rounds, DateTimeOffset started)
    {
        _rounds = rounds;
        _started = started;
    }

    public (DomainBenchmark Domain, LoopMeasurement Run)? MemoryRun { get; set; }

    public void Add(DomainBenchmark domain, DomainRunSettings settings, LoopMeasurement run)
    {
        if (_rows.All(r => r.Domain.Name != domain.Name))
        {
            _rows.Add((domain, settings));
        }

        _runs.Add((domain.Name, run));
    }

    public void AddStartup(string experiment, StartupMeasurement startup)
    {
        if (!_startups.TryGetValue(experiment, out var list))
        {
            _startups[experiment] = list = [];
        }

        list.Add(startup);
    }

    public void Print(TextWriter output)
    {
        var engine = _runs.FirstOrDefault(r => r.Run.Side == DomainScenario.EngineSide).Run;
        var peer = _runs.FirstOrDefault(r => r.Run.Side == DomainScenario.PyTorchSide).Run;
        output.WriteLine($"{_started:yyyy-MM-dd}, {Environment.ProcessorCount} CPU(s) {CpuModel()}, CPU only; medians of {_rounds} round(s).");
        output.WriteLine($"Engine: libtorch {engine?.Details.GetValueOrDefault("libtorch")} (TorchSharp). " +
                         $"PyTorch {peer?.Details.GetValueOrDefault("torch")}, BLAS loaded: {peer?.Details.GetValueOrDefault("blas_loaded")}.");
        output.WriteLine();
        output.WriteLine("| domain | steps × threads | engine steps/s | bare TorchSharp | PyTorch steps/s | engine ÷ PyTorch | engine peak RSS | PyTorch peak RSS | RSS ratio | engine RSS growth | start-up |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (domain, settings) in _rows)
        {
            var rate = Rate(domain.Name, DomainScenario.EngineSide);
            var bare = Rate(domain.Name, DomainScenario.BareSide);
            var pytorch = Rate(domain.Name, DomainScenario.PyTorchSide);
            var enginePeak = Peak(domain.Name, DomainScenario.EngineSide);
            var peerPeak = Peak(domain.Name, DomainScenario.PyTorchSide);
            var bareCell = double.IsNaN(bare) ? "" : $"{F(bare, "F2")} (engine ÷ bare {F(rate / bare, "F3")})";
            output.WriteLine(
                $"| {domain.Name} | {settings.Steps} × {settings.Threads} | {F(rate, "F2")} | {bareCell} | {F(pytorch, "F2")} | {F(rate / pytorch, "F2")} | " +
                $"{F(enginePeak, "F0")} MB | {F(peerPeak, "F0")} MB | {F(enginePeak / peerPeak, "F2")} | {F(Growth(domain.Name), "F0")} MB | {Startup(domain.Experiment)} |");
        }

        output.WriteLine();
        output.WriteLine("steps/s: median over rounds of the timed stage loop (start-up and data preparation excluded). Peak RSS: the process's VmHWM");
        output.WriteLine("at the end of the run. RSS growth: resident memory from the warm-up to the last step of the engine's runs (median).");
        output.WriteLine("start-up: launch of `gan run <experiment>` to the end of its first training step, caches present (median).");
        output.WriteLine();
        PrintTargets(output);
    }

    private void PrintTargets(TextWriter output)
    {
        output.WriteLine("Targets (issue 21):");
        foreach (var (domain, _) in _rows)
        {
            var ratio = Rate(domain.Name, DomainScenario.EngineSide) / Rate(domain.Name, DomainScenario.PyTorchSide);
            Verdict(output, $"{domain.Name}: engine ÷ PyTorch ≥ {MinRatioToPyTorch:F1}", F(ratio, "F3"), ratio >= MinRatioToPyTorch);
            if (domain.HasBareLoop)
            {
                var toBare = Rate(domain.Name, DomainScenario.EngineSide) / Rate(domain.Name, DomainScenario.BareSide);
                Verdict(output, $"{domain.Name}: engine ÷ bare TorchSharp ≥ {MinRatioToBare:F2}", F(toBare, "F3"), toBare >= MinRatioToBare);
            }

            var limit = domain.HasBareLoop ? MaxMnistMemoryRatio : MaxMemoryRatio;
            var memory = Peak(domain.Name, DomainScenario.EngineSide) / Peak(domain.Name, DomainScenario.PyTorchSide);
            Verdict(output, $"{domain.Name}: peak RSS ÷ PyTorch's ≤ {limit:F1}", F(memory, "F2"), memory <= limit);
        }

        if (MemoryRun is { } memoryRun)
        {
            var growth = memoryRun.Run.RssGrowthBytes / Mb;
            Verdict(output, $"{memoryRun.Domain.Name}: RSS growth < {MaxGrowthMb} MB over {memoryRun.Run.Steps} steps",
                $"{F(growth, "F1")} MB ({memoryRun.Run.Rss[0].RssBytes / Mb:F0} -> {memoryRun.Run.Rss[^1].RssBytes / Mb:F0})", growth < MaxGrowthMb);
        }

        foreach (var (experiment, runs) in _startups)
        {
            var median = Statistics.Median(runs.Select(s => s.ToFirstStep.TotalSeconds));
            Verdict(output, $"{Path.GetFileName(experiment)}: launch to first step < {MaxStartupSeconds} s", $"{median:F2} s", median < MaxStartupSeconds);
        }
    }

    private IEnumerable<LoopMeasurement> Of(string domain, string side) =>
        _runs.Where(r => r.Domain == domain && r.Run.Side == side).Select(r => r.Run);

    private double Rate(string domain, string side) => Statistics.Median(Of(domain, side).Select(r => r.StepsPerSecond));

    private double Peak(string domain, string side) =>
        Statistics.Median(Of(domain, side).Where(r => r.PeakRssBytes is not null).Select(r => r.PeakRssBytes!.Value / Mb));

    private double Growth(string domain) => Statistics.Median(Of(domain, DomainScenario.EngineSide).Select(r => r.RssGrowthBytes / Mb));

    private string Startup(string experiment) =>
        _startups.TryGetValue(experiment, out var runs) ? $"{Statistics.Median(runs.Select(s => s.ToFirstStep.TotalSeconds)):F2} s" : "-";

    private static string F(double value, string format) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    private static void Verdict(TextWriter output, string target, string measured, bool pass) =>
        output.WriteLine($"  {target,-58} {measured,-24} {(measured.StartsWith('-') ? "n/a" : pass ? "PASS" : "FAIL")}");

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "" : $"({line[(line.IndexOf(':') + 1)..].Trim()})";
        }
        catch (IOException)
        {
            return "";
        }
    }
}

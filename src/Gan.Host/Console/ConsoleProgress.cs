using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gan.Abstractions;
using Gan.Engine.Training;
using Spectre.Console;

namespace Gan.Host.Console;

/// <summary>
/// The run's progress on the console. In a terminal: Spectre.Console live bars (downloads, then one line
/// per stage with step, steps/s, ETA and the latest losses). When output is redirected (CI, a log file):
/// a plain line every <see cref="PlainInterval"/> instead of redrawing.
/// </summary>
internal sealed class ConsoleProgress : IProgressReporter, ITrainingProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(250);
    private readonly ProgressContext? _live;

    private ConsoleProgress(ProgressContext? live) => _live = live;

    /// <summary>Runs <paramref name="work"/> with a progress display suited to the console.</summary>
    public static async Task<T> RunAsync<T>(Func<ConsoleProgress, Task<T>> work)
    {
        if (!DiagnosticConsole.Instance.Profile.Capabilities.Interactive)
        {
            return await work(new ConsoleProgress(null));
        }

        return await DiagnosticConsole.Instance.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new ConsoleProgress(context)));
    }

    public IProgressTask Start(string description, long? total, string unit = "items")
    {
        if (_live is null)
        {
            DiagnosticConsole.Instance.WriteLine(description + (total is { } t ? $" ({FormatAmount(t, unit)})" : "") + " ...");
            return new PlainTask(description, total, unit);
        }

        var task = _live.AddTask(Markup.Escape(description), maxValue: total ?? 1);
        task.IsIndeterminate = total is null;
        return new LiveTask(task);
    }

    public IStageProgress BeginStage(string stageName, long totalSteps, int totalEpochs) => _live is null
        ? new PlainStage(stageName, totalSteps, totalEpochs)
        : new LiveStage(_live.AddTask(Markup.Escape(stageName), maxValue: totalSteps), stageName, totalSteps, totalEpochs);

    private static string FormatAmount(long amount, string unit) => unit == "bytes"
        ? $"{amount / 1048576.0:F1} MB"
        : $"{amount:N0} {unit}";

    private static string Describe(string stage, long step, long total, int epoch, int epochs, double rate, IReadOnlyDictionary<string, double> values)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{stage} · epoch {epoch + 1}/{epochs} · step {step:N0}/{total:N0} · {rate:F1} steps/s");
        foreach (var (key, value) in values.Take(4))
        {
            text.Append(CultureInfo.InvariantCulture, $" · {key} {value:F3}");
        }

        return text.ToString();
    }

    private sealed class LiveTask(ProgressTask task) : IProgressTask
    {
        public void Advance(long amount) => task.Increment(amount);

        public void SetTotal(long total)
        {
            task.IsIndeterminate = false;
            task.MaxValue = total;
        }

        public void Dispose() => task.StopTask();
    }

    private sealed class PlainTask(string description, long? total, string unit) : IProgressTask
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _done;
        private long? _total = total;
        private TimeSpan _lastPrint;

        public void Advance(long amount)
        {
            _done += amount;
            if (_clock.Elapsed - _lastPrint >= PlainInterval)
            {
                _lastPrint = _clock.Elapsed;
                DiagnosticConsole.Instance.WriteLine($"  {description}: {FormatAmount(_done, unit)}" + (_total is { } t ? $" of {FormatAmount(t, unit)}" : ""));
            }
        }

        public void SetTotal(long total) => _total = total;

        public void Dispose() { }
    }

    private sealed class LiveStage(ProgressTask task, string stage, long total, int epochs) : IStageProgress
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastDraw = TimeSpan.MinValue;

        public void Report(long step, int epoch, IReadOnlyDictionary<string, double> values)
        {
            var now = _clock.Elapsed;
            if (now - _lastDraw < LiveInterval && step < total)
            {
                return;
            }

            _lastDraw = now;
            task.Value = step;
            task.Description = Markup.Escape(Describe(stage, step, total, epoch, epochs, step / Math.Max(now.TotalSeconds, 1e-9), values));
        }

        public void Dispose() => task.StopTask();
    }

    private sealed class PlainStage(string stage, long total, int epochs) : IStageProgress
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastPrint;
        private long _step;
        private int _epoch;
        private IReadOnlyDictionary<string, double> _values = new Dictionary<string, double>();

        public void Report(long step, int epoch, IReadOnlyDictionary<string, double> values)
        {
            (_step, _epoch, _values) = (step, epoch, values);
            if (_clock.Elapsed - _lastPrint >= PlainInterval)
            {
                Print();
            }
        }

        private void Print()
        {
            _lastPrint = _clock.Elapsed;
            var rate = _step / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);
            var eta = rate > 0 ? TimeSpan.FromSeconds((total - _step) / rate) : TimeSpan.Zero;
            DiagnosticConsole.Instance.WriteLine($"{Describe(stage, _step, total, _epoch, epochs, rate, _values)} · ETA {eta:hh\\:mm\\:ss}");
        }

        public void Dispose()
        {
            if (_step > 0)
            {
                Print();
            }
        }
    }
}

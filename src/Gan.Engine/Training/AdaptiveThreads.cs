using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Gan.Engine.Training;

/// <summary>
/// Torch's thread count follows the cores other processes leave free, when the experiment does not fix <c>threads</c>.
/// Measured on this 2-core machine with one competing CPU-bound process, two torch threads fall to about a tenth of
/// their quiet speed (each OpenMP barrier waits for the thread that shares a core with the competitor), while one
/// thread keeps about 80 %; on a quiet machine two threads are faster. So every few seconds a timer reads how busy
/// the other processes keep the machine, and the training thread applies the new count between steps (OpenMP's
/// thread count belongs to the thread that sets it, so it cannot be set from the timer).
/// </summary>
internal sealed class AdaptiveThreads : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FirstReading = TimeSpan.FromMilliseconds(300);
    private readonly CpuAvailability _cpu = new();
    private readonly ILogger _logger;
    private readonly Timer _timer;
    private int _recommended;
    private int _applied;

    public AdaptiveThreads(ILogger logger)
    {
        _logger = logger;
        _recommended = _applied = _cpu.Cores;
        _cpu.OthersBusyCores(); // the first reading only sets the baseline
        _timer = new Timer(_ => Measure(), null, FirstReading, Interval); // a first answer before the run is seconds old
    }

    /// <summary>Threads for the cores others leave free, at least one: with others using 0.9 of 2 cores, 1.</summary>
    public static int ThreadsFor(int cores, double othersBusyCores) =>
        Math.Clamp((int)Math.Floor(cores - othersBusyCores + 0.25), 1, cores);

    /// <summary>Called by the training thread between steps: sets torch's threads when the recommendation changed.</summary>
    public void Apply()
    {
        var recommended = Volatile.Read(ref _recommended);
        if (recommended == _applied)
        {
            return;
        }

        _logger.LogInformation("Other processes leave {Free} of {Cores} cores free: torch threads {Old} -> {New} (set threads: to fix the count).",
            recommended, _cpu.Cores, _applied, recommended);
        torch.set_num_threads(recommended);
        _applied = recommended;
    }

    public void Dispose() => _timer.Dispose();

    private void Measure()
    {
        if (_cpu.OthersBusyCores() is { } busy)
        {
            Volatile.Write(ref _recommended, ThreadsFor(_cpu.Cores, busy));
        }
    }
}

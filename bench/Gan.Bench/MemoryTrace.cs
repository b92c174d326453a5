namespace Gan.Bench;

/// <summary>
/// Resident memory sampled every <c>every</c> steps once <c>warmup</c> steps have run: the allocator, torch's
/// caches and the JIT settle during the warm-up, so growth after it is what a long run would keep adding.
/// </summary>
public sealed class MemoryTrace
{
    private readonly long _warmup;
    private readonly long _every;
    private readonly List<MemorySample> _samples = [];

    /// <summary>Creates a trace sampling at step <paramref name="warmup"/> and every <paramref name="every"/> steps after it.</summary>
    public MemoryTrace(long warmup, long every)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(every);
        _warmup = warmup;
        _every = every;
    }

    /// <summary>The samples taken so far.</summary>
    public IReadOnlyList<MemorySample> Samples => _samples;

    /// <summary>Call after each step; samples when the step is on the cadence.</summary>
    public void AfterStep(long step)
    {
        if (step >= _warmup && (step - _warmup) % _every == 0)
        {
            _samples.Add(new MemorySample(step, ResidentMemory.CurrentBytes()));
        }
    }
}

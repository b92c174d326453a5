namespace Gan.Tracking.SystemMetrics;

/// <summary>Training progress the stage loop reports and the sampler turns into steps and examples per second.</summary>
public sealed class ThroughputCounter
{
    private long _steps;
    private long _examples;
    private long _step;

    /// <summary>Called by the training loop after each step (thread-safe, allocation-free).</summary>
    public void StepDone(long step, long examples)
    {
        Interlocked.Increment(ref _steps);
        Interlocked.Add(ref _examples, examples);
        Volatile.Write(ref _step, step);
    }

    /// <summary>Steps and examples counted so far, and the latest training step.</summary>
    public (long Steps, long Examples, long Step) Read() =>
        (Interlocked.Read(ref _steps), Interlocked.Read(ref _examples), Volatile.Read(ref _step));
}

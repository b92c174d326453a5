namespace Gan.Tracking.Tests;

/// <summary>A clock that always says the same time, so timestamps in files can be asserted exactly.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Instant = new(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    public FixedTimeProvider()
        : this(Instant)
    {
    }

    public long Milliseconds => now.ToUnixTimeMilliseconds();

    public override DateTimeOffset GetUtcNow() => now;
}

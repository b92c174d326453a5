namespace Gan.Tracking.SystemMetrics;

/// <summary>One kind of machine reading (CPU, memory, disk, network, GPU) for <see cref="SystemMetricsSampler"/>.</summary>
public interface ISystemMetricSource
{
    /// <summary>Adds this source's current values, under MLflow's names (<c>system/...</c>), to <paramref name="into"/>.</summary>
    /// <remarks>Called from the sampler's timer thread only, never concurrently. A source that cannot read adds nothing.</remarks>
    void Sample(IDictionary<string, double> into);
}

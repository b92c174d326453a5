namespace Gan.Engine.Training;

/// <summary>What a finished stage did.</summary>
/// <param name="Steps">Training steps run.</param>
/// <param name="Epochs">Epochs started.</param>
/// <param name="Elapsed">Wall time of the training loop.</param>
/// <param name="DataWait">Time the loop waited for batches (data loading not hidden by prefetching).</param>
/// <param name="LastValues">The trainer's values at the last step.</param>
public sealed record StageResult(long Steps, int Epochs, TimeSpan Elapsed, TimeSpan DataWait, IReadOnlyDictionary<string, double> LastValues)
{
    /// <summary>The step a sweep rung paused the stage at; null when the stage ran to its end.</summary>
    public long? PausedAtStep { get; init; }

    /// <summary>Steps per second over the stage.</summary>
    public double StepsPerSecond => Elapsed.TotalSeconds > 0 ? Steps / Elapsed.TotalSeconds : 0;
}

namespace Gan.Abstractions;

/// <summary>
/// A periodic evaluation (sample quality, diversity, held-out error). Called at the stage's metric
/// cadence with networks in evaluation mode and gradients disabled.
/// </summary>
public interface IMetric
{
    /// <summary>Computes named values; the engine logs them at the current step.</summary>
    IReadOnlyDictionary<string, double> Evaluate(ITrainingContext context);
}

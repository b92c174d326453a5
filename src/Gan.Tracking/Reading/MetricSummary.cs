namespace Gan.Tracking;

/// <summary>One metric of one run in a <see cref="RunComparison"/>.</summary>
/// <param name="Final">Value at the largest step.</param>
/// <param name="FinalStep">That step.</param>
/// <param name="Best">Best value (see <paramref name="HigherIsBetter"/>).</param>
/// <param name="BestStep">Step of the best value.</param>
/// <param name="HigherIsBetter">Whether best means highest.</param>
/// <param name="Points">How many values were logged.</param>
public sealed record MetricSummary(double Final, long FinalStep, double Best, long BestStep, bool HigherIsBetter, int Points);

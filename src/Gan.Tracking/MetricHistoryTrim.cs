namespace Gan.Tracking;

/// <summary>What <see cref="ITrackingStore.TrimMetricHistoryAsync"/> did to a run's metric history.</summary>
/// <param name="Removed">Values logged after the resume step that were deleted.</param>
/// <param name="Remaining">Values after the resume step the backend could not delete (MLflow's REST API has no delete).</param>
/// <param name="StoredSteps">Per metric key, the steps the store holds after trimming.</param>
public sealed record MetricHistoryTrim(int Removed, int Remaining, IReadOnlyDictionary<string, IReadOnlySet<long>> StoredSteps);

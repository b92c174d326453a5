namespace Gan.Tracking;

/// <summary>
/// Runs side by side: the params whose values differ, and per metric each run's final value (largest step) and
/// best value (lowest for loss-like names, highest for score-like names, else lowest).
/// </summary>
/// <param name="Runs">The compared runs, in the order asked.</param>
/// <param name="DifferingParams">Param key → value per run (null when a run lacks it), only keys whose values differ.</param>
/// <param name="Metrics">Metric key → summary per run (null when a run lacks it).</param>
public sealed record RunComparison(
    IReadOnlyList<RunInfo> Runs,
    IReadOnlyDictionary<string, IReadOnlyList<string?>> DifferingParams,
    IReadOnlyDictionary<string, IReadOnlyList<MetricSummary?>> Metrics)
{
    private static readonly string[] HigherIsBetter = ["acc", "bleu", "score", "precision", "recall", "f1", "inception", "qualified", "used_pitch", "covered"];

    /// <summary>Reads <paramref name="runIds"/> and their metric histories from <paramref name="reader"/>.</summary>
    public static async Task<RunComparison> BuildAsync(ITrackingReader reader, IReadOnlyList<string> runIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var runs = new List<RunInfo>();
        foreach (var id in runIds)
        {
            runs.Add(await reader.GetRunAsync(id, ct));
        }

        var parameters = new SortedDictionary<string, IReadOnlyList<string?>>(StringComparer.Ordinal);
        foreach (var key in runs.SelectMany(r => r.Params.Keys).Distinct())
        {
            var values = runs.Select(r => r.Params.GetValueOrDefault(key)).ToList();
            if (values.Distinct().Count() > 1)
            {
                parameters[key] = values;
            }
        }

        var metrics = new SortedDictionary<string, IReadOnlyList<MetricSummary?>>(StringComparer.Ordinal);
        foreach (var key in runs.SelectMany(r => r.Metrics.Keys).Distinct())
        {
            var summaries = new List<MetricSummary?>();
            foreach (var run in runs)
            {
                summaries.Add(run.Metrics.ContainsKey(key) ? Summarize(key, await reader.GetMetricHistoryAsync(run.RunId, key, ct)) : null);
            }

            metrics[key] = summaries;
        }

        return new RunComparison(runs, parameters, metrics);
    }

    /// <summary>True when a larger value of <paramref name="key"/> is better (accuracy, BLEU, scores).</summary>
    public static bool IsHigherBetter(string key) =>
        HigherIsBetter.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static MetricSummary? Summarize(string key, IReadOnlyList<MetricPoint> history)
    {
        var finite = history.Where(p => !double.IsNaN(p.Value)).ToList();
        if (history.Count == 0)
        {
            return null;
        }

        var final = history.OrderBy(p => p.Step).ThenBy(p => p.Timestamp).Last();
        var higher = IsHigherBetter(key);
        var best = finite.Count == 0 ? final : higher ? finite.MaxBy(p => p.Value)! : finite.MinBy(p => p.Value)!;
        return new MetricSummary(final.Value, final.Step, best.Value, best.Step, higher, history.Count);
    }
}

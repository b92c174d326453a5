using System.Globalization;
using Gan.Abstractions;
using Gan.Engine.Checkpoints;

namespace Gan.Engine.Sweeps;

/// <summary>
/// The rungs of an asha sweep and its promotion rule. A rung ends when all its trials have (synchronous successive
/// halving): promotions then do not depend on which trial happened to finish first, so a sweep promotes the same
/// trials on a laptop and on a cluster, and the top 1/η of a complete rung is exactly what ASHA would promote.
/// </summary>
public static class SuccessiveHalving
{
    /// <summary>
    /// The step each rung trains to: <paramref name="minSteps"/>·η^k for k below max(1, floor(log_η(max/min))) — as
    /// Hyperband's brackets — then <paramref name="maxSteps"/>. 2..18 by 3 gives 2, 6, 18; 2..20 gives 2, 6, 20.
    /// </summary>
    public static IReadOnlyList<long> Rungs(long minSteps, long maxSteps, int factor)
    {
        var rungs = new List<long> { minSteps };
        for (var steps = minSteps * factor; steps * factor <= maxSteps; steps *= factor)
        {
            rungs.Add(steps);
        }

        rungs.Add(maxSteps);
        return rungs;
    }

    /// <summary>Checks the asha settings of <paramref name="section"/>; returns the rungs.</summary>
    public static IReadOnlyList<long> Validate(SweepDefinition section, bool checkpointsEnabled)
    {
        if (section.MinSteps is not { } min || section.MaxSteps is not { } max)
        {
            throw new GanInputException("sweep.method asha needs sweep.min_steps and sweep.max_steps (steps of the last stage at the first and last rung).");
        }

        if (min >= max)
        {
            throw new GanInputException(string.Create(CultureInfo.InvariantCulture,
                $"sweep.min_steps ({min}) must be below sweep.max_steps ({max}): trials train min_steps before the first promotion."));
        }

        if (section.Metric is not { Length: > 0 })
        {
            throw new GanInputException("sweep.method asha needs sweep.metric: the metric that decides which trials are promoted.");
        }

        if (!checkpointsEnabled)
        {
            throw new GanInputException("sweep.method asha resumes promoted trials from their checkpoints: set checkpoints.enabled: true.");
        }

        return Rungs(min, max, section.ReductionFactor);
    }

    /// <summary>
    /// The trials of a finished rung that go on: the best max(1, floor(n/η)) of the rung's n trials by the metric, among
    /// those that finished the rung with a finite value; fewer when fewer qualify.
    /// </summary>
    public static IReadOnlyList<TrialSpec> Promote(IReadOnlyList<(TrialSpec Trial, TrialResult? Result)> rung, string metric, MetricGoal mode, int factor)
    {
        var keep = Math.Max(1, rung.Count / factor);
        var sign = mode == MetricGoal.Min ? 1 : -1;
        return rung
            .Where(r => r.Result?.Succeeded == true && r.Result.Metrics.TryGetValue(metric, out var value) && double.IsFinite(value))
            .OrderBy(r => sign * r.Result!.Metrics[metric])
            .ThenBy(r => r.Trial.Index)
            .Take(keep)
            .Select(r => r.Trial)
            .ToList();
    }
}

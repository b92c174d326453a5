using System.Globalization;
using Gan.Abstractions;

namespace Gan.Engine.Training;

/// <summary>
/// Records every optimiser's learning rate as the metric <c>lr/&lt;role&gt;</c> (<c>lr/&lt;role&gt;/&lt;group&gt;</c>
/// when its parameter groups differ) at the first step and whenever it changes, so a schedule (CycleGAN's linear
/// decay, say) shows as a chart without a value per step.
/// </summary>
internal sealed class LearningRateLogger
{
    private readonly OptimizerProvider _optimizers;
    private readonly Dictionary<string, double> _logged = new(StringComparer.Ordinal);

    public LearningRateLogger(OptimizerProvider optimizers) => _optimizers = optimizers;

    /// <summary>Logs the rates that are new or changed since the last call.</summary>
    public void AfterStep(IRunTracker tracker, long step)
    {
        foreach (var (role, optimizer) in _optimizers.Created)
        {
            var groups = optimizer.ParamGroups.Select(g => g.LearningRate).ToList();
            if (groups.Count == 0)
            {
                continue;
            }

            var same = groups.All(lr => lr == groups[0]);
            for (var i = 0; i < (same ? 1 : groups.Count); i++)
            {
                var key = same ? $"lr/{role}" : string.Create(CultureInfo.InvariantCulture, $"lr/{role}/{i}");
                if (!_logged.TryGetValue(key, out var previous) || previous != groups[i])
                {
                    _logged[key] = groups[i];
                    tracker.LogMetric(key, groups[i], step);
                }
            }
        }
    }
}

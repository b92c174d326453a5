using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Health;

namespace Gan.Engine.Training.Callbacks;

/// <summary>A stage's callbacks in their order, and what the stage runner needs to know about them.</summary>
internal sealed class StageCallbacks
{
    private readonly List<IStageCallback> _ordered;
    private readonly IReadOnlyList<IMetric> _metrics;
    private readonly IReadOnlyList<ISampleRenderer> _renderers;
    private readonly HealthMonitor? _health;

    /// <param name="callbacks">The engine's and the plugins' callbacks, in any order.</param>
    /// <param name="metrics">The stage's metrics, checkpointed when they keep state.</param>
    /// <param name="renderers">The stage's sample renderers, likewise.</param>
    /// <param name="health">The health monitor, for the note on where the last good networks are.</param>
    public StageCallbacks(IEnumerable<IStageCallback> callbacks, IReadOnlyList<IMetric> metrics, IReadOnlyList<ISampleRenderer> renderers, HealthMonitor? health)
    {
        // A stable sort: callbacks of equal order keep the order they were given in.
        _ordered = callbacks.Select((callback, index) => (callback, index))
            .OrderBy(c => c.callback.Order).ThenBy(c => c.index)
            .Select(c => c.callback).ToList();
        _metrics = metrics;
        _renderers = renderers;
        _health = health;
    }

    /// <summary>The callbacks in the order they run.</summary>
    public IReadOnlyList<IStageCallback> Ordered => _ordered;

    /// <summary>Where the last good networks are, for the message that stops a diverged run.</summary>
    public string LastGoodNote => _health?.LastGoodNote ?? "";

    /// <summary>The stage's components whose state goes into checkpoints, the trainer and loss included.</summary>
    public StatefulComponents StatefulWith(ITrainer trainer, ILossStrategy? loss) => StatefulComponents.Of(trainer, loss, _metrics, _renderers, _ordered);

    public void OnStageStart(ITrainingContext context) => _ordered.ForEach(c => c.OnStageStart(context));

    public void AfterStep(ITrainingContext context, IReadOnlyDictionary<string, double> values)
    {
        foreach (var callback in _ordered)
        {
            callback.AfterStep(context, values);
        }
    }

    public void AfterEpoch(ITrainingContext context) => _ordered.ForEach(c => c.AfterEpoch(context));

    public void OnStageEnd(ITrainingContext context) => _ordered.ForEach(c => c.OnStageEnd(context));
}

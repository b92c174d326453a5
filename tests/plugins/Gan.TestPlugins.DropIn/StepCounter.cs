#if !CONTRACTS_1_0
using Gan.Abstractions;

namespace Gan.TestPlugins.DropIn;

/// <summary>
/// A plugin's own stage callback (contracts 1.1): counts the steps it has seen across stages and resumes, and logs the
/// count as <c>ring/steps_seen</c>; its count is checkpointed through <see cref="IStatefulComponent"/>.
/// </summary>
internal sealed class StepCounter : IStageCallback, IStatefulComponent
{
    private long _seen;

    public void AfterStep(ITrainingContext context, IReadOnlyDictionary<string, double> values)
    {
        _seen++;
        context.Tracker.LogMetric("ring/steps_seen", _seen, context.Step);
    }

    public void SaveState(ComponentState state) => state.Set("seen", _seen);

    public void LoadState(ComponentState state) => _seen = state.GetInt64("seen");
}
#endif

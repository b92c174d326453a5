using System.Globalization;
using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Experiments;
using Microsoft.Extensions.Logging;

namespace Gan.Engine.Training.Callbacks;

/// <summary>
/// Ends the stage when <c>early_stopping.metric</c> has not improved by <c>min_delta</c> for <c>patience</c>
/// evaluations; says why on the console and in the run's <c>gan.early_stop</c> tag. Its best value and count are saved
/// with checkpoints, so a resumed stage stops where the uninterrupted one would have.
/// </summary>
internal sealed class EarlyStoppingCallback(TrainingContext context, EarlyStoppingDefinition settings) : IStageCallback, IStatefulComponent
{
    private double _best = double.NaN;
    private long _bestStep;
    private int _withoutImprovement;

    /// <summary>Right after the metrics, so the stage stops before the step's checkpoint (which then records the stop).</summary>
    public int Order => StageCallbackOrder.Evaluation + 10;

    public void AfterStep(ITrainingContext _, IReadOnlyDictionary<string, double> values) => Check();

    public void AfterEpoch(ITrainingContext _) => Check();

    public void SaveState(ComponentState state)
    {
        state.Set("best", _best);
        state.Set("best_step", _bestStep);
        state.Set("without_improvement", (long)_withoutImprovement);
    }

    public void LoadState(ComponentState state)
    {
        _best = state.GetDouble("best");
        _bestStep = state.GetInt64("best_step");
        _withoutImprovement = (int)state.GetInt64("without_improvement");
    }

    private void Check()
    {
        if (context.LastEvaluationStep != context.Step || !context.LastEvaluation.TryGetValue(settings.Metric, out var value) || context.StopReason is not null)
        {
            return;
        }

        var improved = double.IsNaN(_best) || (settings.Mode == MetricGoal.Min ? value < _best - settings.MinDelta : value > _best + settings.MinDelta);
        if (improved)
        {
            (_best, _bestStep, _withoutImprovement) = (value, context.Step, 0);
            return;
        }

        if (++_withoutImprovement < settings.Patience)
        {
            return;
        }

        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{settings.Metric} did not improve by {settings.MinDelta} for {settings.Patience} evaluations; best {_best:G6} at step {_bestStep}");
        context.StopReason = reason;
        context.Tracker.SetTag("gan.early_stop", $"step {context.Step}: {reason}");
        context.Logger.LogInformation("Early stop of stage '{Stage}' at step {Step}: {Reason}.", context.StageName, context.Step, reason);
    }
}

using Gan.Abstractions;

namespace Gan.Engine.Training.Callbacks;

/// <summary>
/// Logs the trainer's values every <c>log_every</c> steps (with <c>grad_norm/&lt;role&gt;</c> for optimisers that clip) and
/// the learning rates whenever they change.
/// </summary>
internal sealed class StepTrackingCallback(long logEvery, LearningRateLogger learningRates, OptimizerProvider optimizers) : IStageCallback
{
    public int Order => StageCallbackOrder.Tracking;

    public void AfterStep(ITrainingContext context, IReadOnlyDictionary<string, double> values)
    {
        learningRates.AfterStep(context.Tracker, context.Step);
        if (context.Step % logEvery == 0)
        {
            context.Tracker.LogMetrics(values, context.Step);
            foreach (var (role, clip) in optimizers.Clips.Where(c => !double.IsNaN(c.Clip.LastNorm)))
            {
                context.Tracker.LogMetric($"grad_norm/{role}", clip.LastNorm, context.Step);
            }
        }
    }
}

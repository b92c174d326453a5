using Gan.Abstractions;

namespace Gan.Engine.Training.Callbacks;

/// <summary>Logs the trainer's values every <c>log_every</c> steps and the learning rates whenever they change.</summary>
internal sealed class StepTrackingCallback(long logEvery, LearningRateLogger learningRates) : IStageCallback
{
    public int Order => StageCallbackOrder.Tracking;

    public void AfterStep(ITrainingContext context, IReadOnlyDictionary<string, double> values)
    {
        learningRates.AfterStep(context.Tracker, context.Step);
        if (context.Step % logEvery == 0)
        {
            context.Tracker.LogMetrics(values, context.Step);
        }
    }
}

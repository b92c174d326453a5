using Gan.Abstractions;
using Microsoft.Extensions.Logging;

namespace Gan.Engine.Training.Callbacks;

/// <summary>Runs the stage's metrics every <c>metrics_every</c> steps, or after every epoch when no cadence is set.</summary>
internal sealed class EvaluationCallback(TrainingContext context, IReadOnlyList<IMetric> metrics, long? every) : IStageCallback
{
    public int Order => StageCallbackOrder.Evaluation;

    public void AfterStep(ITrainingContext _, IReadOnlyDictionary<string, double> values)
    {
        if (every is { } cadence && context.Step % cadence == 0)
        {
            Evaluate();
        }
    }

    public void AfterEpoch(ITrainingContext _)
    {
        if (every is null)
        {
            Evaluate();
        }
    }

    private void Evaluate()
    {
        if (metrics.Count == 0)
        {
            return;
        }

        EvaluationMode.Run(context, () =>
        {
            foreach (var metric in metrics)
            {
                var values = metric.Evaluate(context);
                context.Tracker.LogMetrics(values, context.Step);
                // One compact line per evaluation; every value is in the run.
                context.Logger.LogInformation("Step {Step}: {Metrics}", context.Step, MetricLine.Format(values));
            }
        });
    }
}

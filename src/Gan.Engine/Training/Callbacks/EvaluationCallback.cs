using Gan.Abstractions;
using Microsoft.Extensions.Logging;

namespace Gan.Engine.Training.Callbacks;

/// <summary>Runs the stage's metrics every <c>metrics_every</c> steps, or after every epoch when no cadence is set.</summary>
internal sealed class EvaluationCallback(TrainingContext context, IReadOnlyList<IMetric> metrics, long? every) : CadencedCallback(context, every)
{
    public override int Order => StageCallbackOrder.Evaluation;

    protected override bool HasWork => metrics.Count > 0;

    protected override void Run()
    {
        var evaluation = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            var values = metric.Evaluate(Context);
            foreach (var (key, value) in values)
            {
                evaluation[key] = value;
            }

            Context.Tracker.LogMetrics(values, Context.Step);
            // One compact line per evaluation; every value is in the run.
            Context.Logger.LogInformation("Step {Step}: {Metrics}", Context.Step, MetricLine.Format(values));
        }

        (Context.LastEvaluation, Context.LastEvaluationStep) = (evaluation, Context.Step);
    }
}

using Gan.Abstractions;
using TorchSharp;

namespace Gan.Engine.Training.Callbacks;

/// <summary>
/// Successive-halving rungs of a sweep trial: makes sure the metrics are evaluated at every rung step (the sweep ranks
/// trials on them), and ends the stage at the pause step. The extra evaluation leaves torch's random stream as it was,
/// so a trial paused and resumed trains exactly as one run straight through.
/// </summary>
internal sealed class RungCallback(TrainingContext context, EvaluationCallback evaluation, IReadOnlyList<long> rungSteps, long? pauseAt) : IStageCallback
{
    /// <summary>The step the stage paused at, once it has.</summary>
    public long? PausedAt { get; private set; }

    /// <summary>After the stage's own evaluation (whose values it reuses when taken at this step), before early stopping and checkpoints.</summary>
    public int Order => StageCallbackOrder.Evaluation + 5;

    public void AfterStep(ITrainingContext _, IReadOnlyDictionary<string, double> values)
    {
        // The last rung is the stage's last step, whose end-of-stage work (AfterEpoch) evaluates anyway.
        if (context.Step == pauseAt || (rungSteps.Contains(context.Step) && context.Step != rungSteps[^1]))
        {
            EvaluateIfNotYet();
        }

        if (context.Step == pauseAt && context.StopReason is null)
        {
            PausedAt = context.Step;
            context.StopReason = $"paused at step {context.Step} for the sweep's rung";
        }
    }

    public void AfterEpoch(ITrainingContext _)
    {
        if (rungSteps.Contains(context.Step))
        {
            EvaluateIfNotYet(); // metrics_every set and not a divisor of the last rung
        }
    }

    private void EvaluateIfNotYet()
    {
        if (context.LastEvaluationStep != context.Step)
        {
            using var state = torch.get_rng_state();
            evaluation.RunNow();
            torch.set_rng_state(state);
        }
    }
}

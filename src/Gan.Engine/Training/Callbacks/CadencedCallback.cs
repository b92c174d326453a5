using Gan.Abstractions;

namespace Gan.Engine.Training.Callbacks;

/// <summary>
/// Work that runs every N steps (the stage's <c>metrics_every</c>, <c>samples_every</c>), or after every epoch when the
/// stage sets no cadence; always with the networks in evaluation mode.
/// </summary>
internal abstract class CadencedCallback(TrainingContext context, long? every) : IStageCallback
{
    public abstract int Order { get; }

    protected TrainingContext Context => context;

    public void AfterStep(ITrainingContext _, IReadOnlyDictionary<string, double> values)
    {
        if (every is { } cadence && context.Step % cadence == 0)
        {
            RunInEvaluationMode();
        }
    }

    public void AfterEpoch(ITrainingContext _)
    {
        if (every is null)
        {
            RunInEvaluationMode();
        }
    }

    /// <summary>Runs the work now, off its cadence (a sweep rung's evaluation).</summary>
    public void RunNow() => RunInEvaluationMode();

    /// <summary>True when there is anything to run (no evaluation-mode switch otherwise).</summary>
    protected abstract bool HasWork { get; }

    /// <summary>The work, called in evaluation mode without gradients.</summary>
    protected abstract void Run();

    private void RunInEvaluationMode()
    {
        if (HasWork)
        {
            EvaluationMode.Run(context, Run);
        }
    }
}

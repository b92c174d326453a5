using Gan.Engine.Training;

namespace Gan.Engine.Tests.Checkpoints;

/// <summary>Stops the run (as Ctrl+C does) once a given step has been reported.</summary>
internal sealed class CancelAfterStep(CancellationTokenSource cancel, long step) : ITrainingProgress, IStageProgress
{
    public IStageProgress BeginStage(string stageName, long totalSteps, int totalEpochs) => this;

    public void Report(long reported, int epoch, IReadOnlyDictionary<string, double> values)
    {
        if (reported >= step)
        {
            cancel.Cancel();
        }
    }

    public void Dispose() { }
}

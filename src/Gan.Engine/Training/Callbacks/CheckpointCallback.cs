using Gan.Abstractions;
using Gan.Engine.Checkpoints;

namespace Gan.Engine.Training.Callbacks;

/// <summary>
/// Training-state checkpoints at their cadence and the <c>epochNNNN</c> weight snapshots of <c>every_epochs</c>; the
/// snapshot reuses the files of the epoch's checkpoint rather than serialising the networks twice.
/// </summary>
internal sealed class CheckpointCallback(TrainingContext context, StageCheckpointer checkpoints, CheckpointWriter writer, int? everyEpochs)
    : IStageCallback
{
    public int Order => StageCallbackOrder.Checkpoint;

    public void AfterStep(ITrainingContext _, IReadOnlyDictionary<string, double> values) =>
        checkpoints.AfterStep(new TrainingPosition(checkpoints.StageIndex, context.Epoch, context.BatchesInEpoch, context.Step));

    public void AfterEpoch(ITrainingContext _)
    {
        var epochs = context.Data.BatchesPerEpoch(DataSplit.Train);
        var written = checkpoints.AfterEpoch(new TrainingPosition(checkpoints.StageIndex, context.Epoch, epochs, context.Step));
        if (everyEpochs is { } every && (context.Epoch + 1) % every == 0)
        {
            writer.WriteSnapshot(context.NetworkStore, context.StageName, $"epoch{context.Epoch + 1:D4}", context.Tracker, written);
        }
    }
}

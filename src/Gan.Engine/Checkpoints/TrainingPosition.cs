namespace Gan.Engine.Checkpoints;

/// <summary>
/// Where training stands: the stage, the epoch, how many of that epoch's batches were consumed and the
/// stage's step count. Data order is a pure function of (seed, epoch), so this is all resume needs to
/// continue with the very next batch.
/// </summary>
/// <param name="StageIndex">Zero-based stage; equal to the stage count once every stage is done.</param>
/// <param name="Epoch">Zero-based epoch within the stage.</param>
/// <param name="BatchesInEpoch">Batches of <paramref name="Epoch"/> already trained on.</param>
/// <param name="Step">Steps completed in the stage (the last step logged).</param>
/// <param name="EpochCompleted">The epoch's end-of-epoch work (trainer hook, metrics, samples) is done too.</param>
public sealed record TrainingPosition(int StageIndex, int Epoch, long BatchesInEpoch, long Step, bool EpochCompleted = false)
{
    /// <summary>The position at which a stage starts.</summary>
    public static TrainingPosition StartOf(int stageIndex) => new(stageIndex, 0, 0, 0);

    /// <summary>Folder-name form that sorts in training order.</summary>
    public string FolderName => $"stage{StageIndex:D2}-step{Step:D9}";
}

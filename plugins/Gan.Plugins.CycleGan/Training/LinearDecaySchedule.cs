namespace Gan.Plugins.CycleGan.Training;

/// <summary>
/// The reference's 'linear' LR policy: the initial rate for <c>n_epochs</c> epochs, then linearly down towards
/// zero over <c>n_epochs_decay</c> epochs: factor(e) = 1 − max(0, e + epoch_count − n_epochs) / (n_epochs_decay + 1),
/// with e the 0-based epoch and epoch_count 1.
/// </summary>
internal static class LinearDecaySchedule
{
    /// <summary>The multiplier of the initial learning rate during 0-based epoch <paramref name="epoch"/>.</summary>
    public static double Factor(int epoch, int nEpochs, int nEpochsDecay, int epochCount = 1) =>
        Math.Max(0.0, 1.0 - (Math.Max(0, epoch + epochCount - nEpochs) / (double)(nEpochsDecay + 1)));
}

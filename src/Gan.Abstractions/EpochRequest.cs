namespace Gan.Abstractions;

/// <summary>What <see cref="IDataSource.ReadEpoch"/> should produce.</summary>
/// <param name="Split">The part of the dataset.</param>
/// <param name="Epoch">Zero-based epoch number; with the seed it fixes the shuffling order.</param>
/// <param name="Seed">The experiment's seed.</param>
/// <param name="SkipBatches">Batches of this epoch already consumed (resuming mid-epoch); they are skipped, not read.</param>
public sealed record EpochRequest(DataSplit Split, int Epoch, int Seed, long SkipBatches = 0);

namespace Gan.Abstractions;

/// <summary>
/// Supplies mini-batches. The engine calls <see cref="PrepareAsync"/> once before training (download,
/// decode, cache), then <see cref="ReadEpoch"/> once per epoch. The order of batches must depend only on
/// the request (split, epoch, seed), so that a run is repeatable and can resume mid-epoch.
/// </summary>
/// <remarks>
/// <see cref="ReadEpoch"/> may be enumerated on a background thread (the engine prefetches), so batches
/// are created on the CPU; the engine moves them to the training device and disposes them after use.
/// Implement <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/> when holding files or tensors.
/// </remarks>
public interface IDataSource
{
    /// <summary>Examples per batch.</summary>
    int BatchSize { get; }

    /// <summary>The splits this source can read.</summary>
    IReadOnlyCollection<DataSplit> Splits { get; }

    /// <summary>
    /// Makes the data ready: checks files, downloads what is missing when the source can, loads or builds
    /// caches. Throws <see cref="GanInputException"/> naming the file when data is missing or corrupt.
    /// </summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>The number of batches one epoch of <paramref name="split"/> yields. Valid after preparation.</summary>
    long BatchesPerEpoch(DataSplit split);

    /// <summary>Yields the batches of one epoch in a deterministic order.</summary>
    IEnumerable<Batch> ReadEpoch(EpochRequest request, CancellationToken cancellationToken);
}

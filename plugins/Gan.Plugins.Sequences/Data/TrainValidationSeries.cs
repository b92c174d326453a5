using Gan.Abstractions;

namespace Gan.Plugins.Sequences.Data;

/// <summary>
/// What the sequence data sources share: Train and Validation splits held in memory as <see cref="SequenceBatches"/>,
/// filled by the source's <c>PrepareAsync</c> and read in batches (shuffled in training when the options ask).
/// </summary>
internal abstract class TrainValidationSeries : IDisposable
{
    private static readonly DataSplit[] AvailableSplits = [DataSplit.Train, DataSplit.Validation];
    private readonly string _typeName;

    /// <summary>Creates an unprepared source; <paramref name="typeName"/> is its YAML type, for messages.</summary>
    protected TrainValidationSeries(string typeName) => _typeName = typeName;

    /// <summary>Sequences per batch.</summary>
    public abstract int BatchSize { get; }

    /// <summary>The splits this source has.</summary>
    public IReadOnlyCollection<DataSplit> Splits => AvailableSplits;

    /// <summary>The prepared splits; empty until the source has been prepared.</summary>
    protected Dictionary<DataSplit, SequenceBatches> Prepared { get; } = [];

    /// <summary>Whether training epochs visit the sequences in a shuffled order.</summary>
    protected abstract bool Shuffle { get; }

    /// <summary>Batches in one epoch of <paramref name="split"/>.</summary>
    public long BatchesPerEpoch(DataSplit split) => Sequences(split).BatchesPerEpoch(BatchSize);

    /// <summary>The batches of one epoch, starting after any batches the request skips.</summary>
    public IEnumerable<Batch> ReadEpoch(EpochRequest request, CancellationToken cancellationToken) =>
        Sequences(request.Split).Read(request, BatchSize, Shuffle && request.Split == DataSplit.Train, cancellationToken);

    /// <summary>The sequences of one split.</summary>
    public SequenceBatches Sequences(DataSplit split) =>
        !AvailableSplits.Contains(split)
            ? throw new GanInputException($"The {_typeName} data source has no {split} split; it has Train and Validation.")
            : Prepared.TryGetValue(split, out var data)
                ? data
                : throw new InvalidOperationException($"The {_typeName} data source is not prepared: call PrepareAsync first.");

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the splits' tensors.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var split in Prepared.Values)
            {
                split.Dispose();
            }

            Prepared.Clear();
        }
    }
}

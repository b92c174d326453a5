using Gan.Abstractions;

namespace Gan.Plugins.Sequences.Data;

/// <summary>
/// The <c>sine</c> data source: synthetic periodic signals, held in memory. Train and Validation come from
/// separate random streams of one seed, so they never share a sequence and never change between runs.
/// </summary>
internal sealed class SineDataSource : IDataSource, IScaledSeries, IDisposable
{
    private static readonly DataSplit[] AvailableSplits = [DataSplit.Train, DataSplit.Validation];

    private readonly SineDataOptions _options;
    private readonly int _seed;
    private readonly Dictionary<DataSplit, SequenceBatches> _splits = [];

    /// <summary>Creates the source; sequences are generated in <see cref="PrepareAsync"/>.</summary>
    public SineDataSource(ComponentContext context, SineDataOptions options)
    {
        _options = options;
        _seed = options.Seed ?? context.Seed;
    }

    /// <inheritdoc />
    public int BatchSize => _options.BatchSize;

    /// <inheritdoc />
    public IReadOnlyCollection<DataSplit> Splits => AvailableSplits;

    /// <inheritdoc />
    public SeriesScaler Scaler => SeriesScaler.Identity;

    /// <inheritdoc />
    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_splits.Count == 0)
        {
            var length = _options.SequenceLength + 1;
            _splits[DataSplit.Train] = new SequenceBatches(SineWaves.Generate(_options, _options.Count, length, _seed, stream: 0));
            _splits[DataSplit.Validation] = new SequenceBatches(SineWaves.Generate(_options, _options.ValidationCount, length, _seed, stream: 1));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public long BatchesPerEpoch(DataSplit split) => Sequences(split).BatchesPerEpoch(BatchSize);

    /// <inheritdoc />
    public IEnumerable<Batch> ReadEpoch(EpochRequest request, CancellationToken cancellationToken) =>
        Sequences(request.Split).Read(request, BatchSize, _options.Shuffle && request.Split == DataSplit.Train, cancellationToken);

    /// <inheritdoc />
    public SequenceBatches Sequences(DataSplit split) =>
        !AvailableSplits.Contains(split)
            ? throw new GanInputException($"The sine data source has no {split} split; it has Train and Validation.")
            : _splits.TryGetValue(split, out var data)
                ? data
                : throw new InvalidOperationException("The sine data source is not prepared: call PrepareAsync first.");

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var split in _splits.Values)
        {
            split.Dispose();
        }

        _splits.Clear();
    }
}

using Gan.Abstractions;

namespace Gan.Plugins.Sequences.Data;

/// <summary>
/// The <c>sine</c> data source: synthetic periodic signals, held in memory. Train and Validation come from
/// separate random streams of one seed, so they never share a sequence and never change between runs.
/// </summary>
internal sealed class SineDataSource : TrainValidationSeries, IDataSource, IScaledSeries, IDatasetInfoProvider
{
    private readonly SineDataOptions _options;
    private readonly int _seed;

    /// <summary>Creates the source; sequences are generated in <see cref="PrepareAsync"/>.</summary>
    public SineDataSource(ComponentContext context, SineDataOptions options) : base("sine")
    {
        _options = options;
        _seed = options.Seed ?? context.Seed;
    }

    /// <inheritdoc />
    public override int BatchSize => _options.BatchSize;

    /// <inheritdoc />
    public SeriesScaler Scaler => SeriesScaler.Identity;

    /// <inheritdoc />
    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (Prepared.Count == 0)
        {
            var length = _options.SequenceLength + 1;
            Prepared[DataSplit.Train] = new SequenceBatches(SineWaves.Generate(_options, _options.Count, length, _seed, stream: 0));
            Prepared[DataSplit.Validation] = new SequenceBatches(SineWaves.Generate(_options, _options.ValidationCount, length, _seed, stream: 1));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override bool Shuffle => _options.Shuffle;

    /// <inheritdoc />
    public IReadOnlyList<DatasetInfo> GetDatasets()
    {
        // Generated, not read: the digest covers everything the generator is given.
        var digest = DatasetFingerprint.OfText(System.Text.Json.JsonSerializer.Serialize(_options), _seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return
        [
            new DatasetInfo("sine-train", digest, "generated:sine", DatasetInfo.TrainingContext,
                new Dictionary<string, long> { ["sequences"] = Sequences(DataSplit.Train).Count, ["length"] = _options.SequenceLength }),
            new DatasetInfo("sine-validation", digest, "generated:sine", DatasetInfo.ValidationContext,
                new Dictionary<string, long> { ["sequences"] = Sequences(DataSplit.Validation).Count, ["length"] = _options.SequenceLength }),
        ];
    }
}

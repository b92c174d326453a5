using Gan.Abstractions;
using Gan.Toolkit;
using Microsoft.Extensions.Logging;

namespace Gan.Plugins.Sequences.Data;

/// <summary>
/// The <c>csv-series</c> data source: a named column of a CSV file, split by time (the last
/// <c>validation_fraction</c> is Validation), scaled with parameters fitted on the training part only, and cut
/// into sliding windows within each part. The scaler is written to the cache as JSON (<see cref="ScalerPath"/>)
/// and logged with the run by the predictor trainer, so forecasts can be turned back into the data's units.
/// </summary>
internal sealed class CsvSeriesDataSource : TrainValidationSeries, IDataSource, IScaledSeries, IDatasetInfoProvider
{
    private readonly CsvSeriesOptions _options;
    private readonly ILogger _logger;
    private SeriesScaler? _scaler;

    /// <summary>Creates the source; the file is read in <see cref="PrepareAsync"/>.</summary>
    public CsvSeriesDataSource(ComponentContext context, CsvSeriesOptions options) : base("csv-series")
    {
        _options = options;
        _logger = context.LoggerFactory.CreateLogger<CsvSeriesDataSource>();
        FilePath = context.ResolveDataPath(options.Path);
        var key = CacheKey.Of($"{FilePath}|{options.Column}|{options.Scaling}|{options.ValidationFraction}|{options.Missing}", 12);
        ScalerPath = CachePaths.File(context, "csv-series", System.IO.Path.Combine($"{System.IO.Path.GetFileNameWithoutExtension(FilePath)}-{key}", "scaler.json"));
    }

    /// <summary>The absolute path of the CSV file.</summary>
    public string FilePath { get; }

    /// <summary>Where the fitted scaler is saved.</summary>
    public string ScalerPath { get; }

    /// <summary>The series after the missing-value policy, in the file's units. Valid after preparation.</summary>
    public IReadOnlyList<double> Raw { get; private set; } = [];

    /// <summary>Index of the first validation value in <see cref="Raw"/>.</summary>
    public int SplitIndex { get; private set; }

    /// <inheritdoc />
    public override int BatchSize => _options.BatchSize;

    /// <inheritdoc />
    public SeriesScaler Scaler => _scaler ?? throw new InvalidOperationException("The csv-series data source is not prepared.");

    /// <inheritdoc />
    public IReadOnlyList<DatasetInfo> GetDatasets()
    {
        // One file split by time: the digest covers the file and how it is cut.
        var digest = DatasetFingerprint.OfText(
            DatasetFingerprint.OfFiles(System.IO.Path.GetDirectoryName(FilePath)!, [FilePath]),
            $"{_options.Column}|{_options.ValidationFraction.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{_options.Missing}");
        var name = System.IO.Path.GetFileNameWithoutExtension(FilePath);
        DatasetInfo Split(DataSplit split, string suffix, string context) => new(
            $"{name}-{suffix}", digest, FilePath, context,
            new Dictionary<string, long> { ["windows"] = Sequences(split).Count, ["window_length"] = _options.SequenceLength + 1, ["values"] = Raw.Count });
        return [Split(DataSplit.Train, "train", DatasetInfo.TrainingContext), Split(DataSplit.Validation, "validation", DatasetInfo.ValidationContext)];
    }

    /// <inheritdoc />
    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (Prepared.Count > 0)
        {
            return Task.CompletedTask;
        }

        var values = CsvColumnReader.Read(FilePath, _options.Column, _options.Delimiter[0], _options.Missing);
        var window = _options.SequenceLength + 1;
        var validation = (int)Math.Round(values.Length * _options.ValidationFraction);
        var split = values.Length - validation;
        if (split < window || (validation > 0 && validation < window))
        {
            throw new GanInputException(
                $"{FilePath}: column '{_options.Column}' has {values.Length} values; with validation_fraction {_options.ValidationFraction} " +
                $"the training part has {split} and the validation part {validation}, but each needs at least sequence_length + 1 = {window}. " +
                "Lower sequence_length or change validation_fraction.");
        }

        _scaler = SeriesScaler.Fit(_options.Scaling, new ArraySegment<double>(values, 0, split));
        var scaled = values.Select(_scaler.Transform).ToArray();
        Prepared[DataSplit.Train] = new SequenceBatches(SlidingWindows.Cut(new ArraySegment<double>(scaled, 0, split), window, _options.Stride));
        Prepared[DataSplit.Validation] = new SequenceBatches(
            SlidingWindows.Cut(new ArraySegment<double>(scaled, split, validation), window, _options.Stride));
        Raw = values;
        SplitIndex = split;
        _scaler.Save(ScalerPath);
        _logger.LogInformation(
            "{File} column {Column}: {Count} values, {Train} training and {Validation} validation windows of {Length}; scaler {Scaler} saved to {Path}",
            FilePath, _options.Column, values.Length, Prepared[DataSplit.Train].Count, Prepared[DataSplit.Validation].Count, window, _scaler, ScalerPath);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override bool Shuffle => _options.Shuffle;
}

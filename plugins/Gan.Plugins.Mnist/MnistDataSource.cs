using Gan.Abstractions;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;
using Gan.Toolkit;

namespace Gan.Plugins.Mnist;

/// <summary>
/// The <c>mnist</c> data source: the original IDX files (gzipped or raw), downloaded when missing, held in
/// memory as one float32 tensor per split scaled to [-1, 1]. Batches carry "x" (B, 1, rows, cols) and "y" (B).
/// </summary>
internal sealed class MnistDataSource : IDataSource, IDatasetInfoProvider, IDisposable
{
    private static readonly DataSplit[] AvailableSplits = [DataSplit.Train, DataSplit.Test];

    private readonly ComponentContext _context;
    private readonly MnistDataOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly Dictionary<DataSplit, MnistSplit> _splits = [];
    private readonly SemaphoreSlim _prepareLock = new(1, 1);
    private List<DatasetInfo> _datasets = [];
    private bool _disposed;

    /// <summary>Creates the source; nothing is read until <see cref="PrepareAsync"/>.</summary>
    public MnistDataSource(ComponentContext context, MnistDataOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        _context = context;
        _options = options;
        _http = http;
        _logger = context.LoggerFactory.CreateLogger<MnistDataSource>();
        Folder = context.ResolveDataPath(options.Path);
    }

    /// <summary>The absolute folder the files are read from and downloaded into.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public int BatchSize => _options.BatchSize;

    /// <inheritdoc />
    public IReadOnlyCollection<DataSplit> Splits => AvailableSplits;

    /// <inheritdoc />
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await _prepareLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_splits.Count > 0)
            {
                return;
            }

            var paths = await LocateAsync(cancellationToken);
            // Decoding 47 MB of training images takes a moment: keep it off the caller's thread.
            var train = await Task.Run(() => Load(paths[MnistFile.TrainImages], paths[MnistFile.TrainLabels]), cancellationToken);
            try
            {
                var test = await Task.Run(() => Load(paths[MnistFile.TestImages], paths[MnistFile.TestLabels]), cancellationToken);
                _splits[DataSplit.Train] = train;
                _splits[DataSplit.Test] = test;
            }
            catch
            {
                train.Dispose();
                throw;
            }

            _datasets = await Task.Run(() => Describe(paths), cancellationToken);
            _logger.LogInformation(
                "MNIST ready from {Folder}: {Train} training and {Test} test images",
                Folder, _splits[DataSplit.Train].Count, _splits[DataSplit.Test].Count);
        }
        finally
        {
            _prepareLock.Release();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<DatasetInfo> GetDatasets() => _datasets;

    // One dataset per split, fingerprinted from the IDX files actually read.
    private List<DatasetInfo> Describe(Dictionary<MnistFile, string> paths) =>
    [
        new("mnist-train", DatasetFingerprint.OfFiles(Folder, [paths[MnistFile.TrainImages], paths[MnistFile.TrainLabels]]), Folder,
            DatasetInfo.TrainingContext, new Dictionary<string, long> { ["images"] = _splits[DataSplit.Train].Count, ["classes"] = 10 }),
        new("mnist-test", DatasetFingerprint.OfFiles(Folder, [paths[MnistFile.TestImages], paths[MnistFile.TestLabels]]), Folder,
            DatasetInfo.ValidationContext, new Dictionary<string, long> { ["images"] = _splits[DataSplit.Test].Count, ["classes"] = 10 }),
    ];

    /// <inheritdoc />
    public long BatchesPerEpoch(DataSplit split)
    {
        var count = Get(split).Count;
        return (count + BatchSize - 1) / BatchSize;
    }

    /// <inheritdoc />
    public IEnumerable<Batch> ReadEpoch(EpochRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.SkipBatches);
        var split = Get(request.Split);
        return Enumerate(split, request, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var split in _splits.Values)
        {
            split.Dispose();
        }

        _splits.Clear();
        _prepareLock.Dispose();
    }

    private IEnumerable<Batch> Enumerate(MnistSplit split, EpochRequest request, CancellationToken cancellationToken)
    {
        var count = split.Count;
        var batches = (count + BatchSize - 1) / BatchSize;
        if (request.SkipBatches >= batches)
        {
            yield break;
        }

        // The engine may enumerate inside a dispose scope on another thread; the order tensor lives for the
        // whole epoch and the batches are owned by the engine, so neither may belong to that scope.
        var order = _options.Shuffle
            ? EpochOrder.Permutation(count, request.Seed, request.Epoch)
            : null;
        using var indices = (order is null ? arange(count, dtype: ScalarType.Int64) : tensor(order)).DetachFromDisposeScope();
        for (var b = request.SkipBatches; b < batches; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = b * BatchSize;
            var length = Math.Min(BatchSize, count - start);
            using var slice = indices.narrow(0, start, length);
            var x = split.Images.index_select(0, slice).DetachFromDisposeScope();
            var y = split.Labels.index_select(0, slice).DetachFromDisposeScope();
            yield return new Batch(new Dictionary<string, Tensor> { [Batch.SamplesKey] = x, [Batch.TargetsKey] = y });
        }
    }

    private MnistSplit Get(DataSplit split)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!AvailableSplits.Contains(split))
        {
            throw new GanInputException(
                $"The mnist data source has no {split} split; it has Train (train-*) and Test (t10k-*).");
        }

        return _splits.TryGetValue(split, out var data)
            ? data
            : throw new InvalidOperationException("The mnist data source is not prepared: call PrepareAsync first.");
    }

    /// <summary>Finds the four files, downloading the missing ones when allowed.</summary>
    private async Task<Dictionary<MnistFile, string>> LocateAsync(CancellationToken cancellationToken)
    {
        var paths = new Dictionary<MnistFile, string>();
        var missing = new List<MnistFile>();
        foreach (var file in MnistFile.All)
        {
            if (file.Find(Folder) is { } path)
            {
                paths[file] = path;
            }
            else
            {
                missing.Add(file);
            }
        }

        if (missing.Count == 0)
        {
            return paths;
        }

        if (!_options.Download)
        {
            var names = string.Join(", ", missing.Select(f => $"{f.GzipName} (or {f.Name})"));
            throw new GanInputException(
                $"MNIST file(s) missing in {Folder}: {names}. Set `download: true` on the data source to fetch them, "
                + "or point `path` (or the experiment's `data_root`) at a folder that has them.");
        }

        var downloader = new MnistDownloader(_http, _options.Mirrors, _options.VerifyChecksums, _context.Progress, _logger);
        foreach (var file in missing)
        {
            paths[file] = await downloader.DownloadAsync(file, Folder, cancellationToken);
        }

        return paths;
    }

    private static MnistSplit Load(string imagesPath, string labelsPath)
    {
        var images = IdxReader.Read(imagesPath);
        var labels = IdxReader.Read(labelsPath);
        if (images.Dimensions.Length != 3)
        {
            throw new GanInputException(
                $"{imagesPath}: expected images as count×rows×columns (3 dimensions) but the header declares {images.Shape}.");
        }

        if (labels.Dimensions.Length != 1)
        {
            throw new GanInputException(
                $"{labelsPath}: expected labels as a single dimension (count) but the header declares {labels.Shape}.");
        }

        if (images.Dimensions[0] != labels.Dimensions[0])
        {
            throw new GanInputException(
                $"{imagesPath} holds {images.Dimensions[0]:N0} images but {labelsPath} holds {labels.Dimensions[0]:N0} labels; "
                + "the two files must come from the same split and have one label per image.");
        }

        return MnistSplit.Create(images, labels);
    }
}

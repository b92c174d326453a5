using System.Collections.Concurrent;
using Gan.Abstractions;
using Gan.Plugins.CycleGan.Images;
using Microsoft.Extensions.Logging;
using static TorchSharp.torch;

namespace Gan.Plugins.CycleGan.Data;

/// <summary>
/// The <c>unaligned-images</c> data source: two folders of unpaired images (ROOT/trainA, ROOT/trainB, and
/// testA/testB for the test split), decoded on demand and in parallel within a batch, transformed as the
/// reference's <c>resize_and_crop</c> + flip. Batches carry "A" and "B", each (B, 3, crop, crop) in [-1, 1].
/// </summary>
internal sealed class UnalignedImagesDataSource : IDataSource, IDatasetInfoProvider
{
    /// <summary>Batch key of domain A images.</summary>
    public const string DomainA = "A";

    /// <summary>Batch key of domain B images.</summary>
    public const string DomainB = "B";

    private readonly ComponentContext _context;
    private readonly UnalignedImagesOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, string> _badFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<DataSplit, (DomainFolder A, DomainFolder B)> _splits = [];
    private List<DatasetInfo> _datasets = [];
    private int _skippedCount;

    /// <summary>Creates the source; nothing is read until <see cref="PrepareAsync"/>.</summary>
    public UnalignedImagesDataSource(ComponentContext context, UnalignedImagesOptions options, HttpClient http)
    {
        _context = context;
        _options = options;
        _http = http;
        _logger = context.LoggerFactory.CreateLogger<UnalignedImagesDataSource>();
        Root = context.ResolveDataPath(options.Path is { Length: > 0 } path ? path : options.Dataset!);
    }

    /// <summary>The dataset root holding the domain folders.</summary>
    public string Root { get; }

    /// <summary>Unreadable files skipped so far (with skip_bad_files), at preparation and while decoding.</summary>
    public int SkippedFiles => Volatile.Read(ref _skippedCount);

    /// <summary>The crop side of every image in a batch.</summary>
    public int ImageSize => _options.CropSize;

    /// <inheritdoc />
    public int BatchSize => _options.BatchSize;

    /// <inheritdoc />
    public IReadOnlyCollection<DataSplit> Splits => _splits.Keys;

    /// <inheritdoc />
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_splits.Count > 0)
        {
            return;
        }

        if (!Directory.Exists(Path.Combine(Root, "trainA")) && _options.Download)
        {
            var name = _options.Dataset ?? Path.GetFileName(Root);
            var downloader = new DatasetDownloader(_http, _options.BaseUrl, _context.Progress, _logger);
            await downloader.DownloadAsync(name, Root, cancellationToken);
        }

        await Task.Run(() =>
        {
            _splits[DataSplit.Train] = (Open("trainA"), Open("trainB"));
            if (Directory.Exists(Path.Combine(Root, "testA")) && Directory.Exists(Path.Combine(Root, "testB")))
            {
                _splits[DataSplit.Test] = (Open("testA"), Open("testB"));
            }

            _datasets = _splits.Select(split => Describe(split.Key, split.Value)).ToList();
        }, cancellationToken);

        var train = _splits[DataSplit.Train];
        _logger.LogInformation(
            "Unaligned images ready from {Root}: {A} A and {B} B training images{Test}",
            Root, train.A.Files.Count, train.B.Files.Count,
            _splits.TryGetValue(DataSplit.Test, out var test) ? $", {test.A.Files.Count} A and {test.B.Files.Count} B test images" : " (no testA/testB)");
    }

    /// <inheritdoc />
    public IReadOnlyList<DatasetInfo> GetDatasets() => _datasets;

    // One dataset per split: both domain folders' images, fingerprinted by name, size and content.
    private DatasetInfo Describe(DataSplit split, (DomainFolder A, DomainFolder B) folders)
    {
        var train = split == DataSplit.Train;
        return new DatasetInfo(
            $"{Path.GetFileName(Root.TrimEnd(Path.DirectorySeparatorChar))}-{(train ? "train" : "test")}",
            DatasetFingerprint.OfFiles(Root, folders.A.Files.Concat(folders.B.Files)),
            Root,
            train ? DatasetInfo.TrainingContext : DatasetInfo.ValidationContext,
            new Dictionary<string, long> { ["images_A"] = folders.A.Files.Count, ["images_B"] = folders.B.Files.Count });
    }

    /// <inheritdoc />
    public long BatchesPerEpoch(DataSplit split)
    {
        var (a, b) = Get(split);
        return (Math.Max(a.Files.Count, b.Files.Count) + BatchSize - 1) / BatchSize;
    }

    /// <inheritdoc />
    public IEnumerable<Batch> ReadEpoch(EpochRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var folders = Get(request.Split);
        // Training draws crops and flips; other splits are resized straight to crop_size, in file order.
        var training = request.Split == DataSplit.Train;
        var plan = training
            ? EpochPlan.Create(folders.A.Files.Count, folders.B.Files.Count, request.Seed, request.Epoch, _options.LoadSize - _options.CropSize, !_options.NoFlip)
            : Enumerable.Range(0, Math.Max(folders.A.Files.Count, folders.B.Files.Count))
                .Select(i => (new SampleDraw(i % folders.A.Files.Count, 0, 0, false), new SampleDraw(i % folders.B.Files.Count, 0, 0, false)))
                .ToArray();
        var preprocessor = new ImagePreprocessor(training ? _options.LoadSize : _options.CropSize, _options.CropSize);
        return Enumerate(folders, plan, preprocessor, request.SkipBatches, cancellationToken);
    }

    /// <summary>
    /// The first <paramref name="count"/> images of each domain without random crop or flip, from the test split
    /// when there is one (else the training split): the fixed inputs of the sample grids.
    /// </summary>
    public (Tensor A, Tensor B) FixedImages(int count)
    {
        var folders = _splits.TryGetValue(DataSplit.Test, out var test) ? test : Get(DataSplit.Train);
        var plan = Enumerable.Range(0, count)
            .Select(i => (new SampleDraw(i % folders.A.Files.Count, 0, 0, false), new SampleDraw(i % folders.B.Files.Count, 0, 0, false)))
            .ToArray();
        return Load(folders, plan, new ImagePreprocessor(_options.CropSize, _options.CropSize));
    }

    private IEnumerable<Batch> Enumerate(
        (DomainFolder A, DomainFolder B) folders, (SampleDraw A, SampleDraw B)[] plan, ImagePreprocessor preprocessor, long skip, CancellationToken cancellationToken)
    {
        for (var start = skip * BatchSize; start < plan.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slice = plan.AsSpan((int)start, (int)Math.Min(BatchSize, plan.Length - start)).ToArray();
            var (a, b) = Load(folders, slice, preprocessor);
            yield return new Batch(new Dictionary<string, Tensor> { [DomainA] = a, [DomainB] = b });
        }
    }

    /// <summary>Decodes and transforms the draws in parallel; returns (n, 3, crop, crop) tensors owned by the caller.</summary>
    private (Tensor A, Tensor B) Load((DomainFolder A, DomainFolder B) folders, (SampleDraw A, SampleDraw B)[] draws, ImagePreprocessor preprocessor)
    {
        var n = draws.Length;
        var size = _options.CropSize;
        var pixels = 3 * size * size;
        var valuesA = new float[n * pixels];
        var valuesB = new float[n * pixels];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.DecodeThreads ?? Environment.ProcessorCount };
        var decoded = new DecodedImage[2 * n];
        try
        {
            // Only the decoding (managed code) runs on pool threads. The resize and crop run torch operations, and
            // every OS thread that runs a parallel torch operation gets an OpenMP team of its own: extra teams make
            // libgomp stop spin-waiting, which cost the training step a quarter of its speed on 2 cores.
            Parallel.For(0, 2 * n, parallel, job =>
            {
                var (folder, draw) = job < n ? (folders.A, draws[job].A) : (folders.B, draws[job - n].B);
                decoded[job] = DecodeWithSkipping(folder, draw.Index);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<GanInputException>().FirstOrDefault() is { } first)
        {
            throw new GanInputException(first.Message, first);
        }

        for (var job = 0; job < 2 * n; job++)
        {
            var (draw, target) = job < n ? (draws[job].A, valuesA) : (draws[job - n].B, valuesB);
            preprocessor.Apply(decoded[job], draw).CopyTo(target, (job % n) * pixels);
        }

        // Built outside any caller's dispose scope would be the same; detach so an enumerating scope cannot free them.
        var a = tensor(valuesA, [n, 3, size, size]).DetachFromDisposeScope();
        var b = tensor(valuesB, [n, 3, size, size]).DetachFromDisposeScope();
        return (a, b);
    }

    /// <summary>Decodes file <paramref name="index"/>; with skip_bad_files a failure moves on to the next file.</summary>
    private DecodedImage DecodeWithSkipping(DomainFolder folder, int index)
    {
        for (var attempt = 0; attempt < folder.Files.Count; attempt++)
        {
            var path = folder.Files[(index + attempt) % folder.Files.Count];
            if (_badFiles.ContainsKey(path))
            {
                continue;
            }

            try
            {
                return ImageDecoder.Decode(path);
            }
            catch (GanInputException e) when (_options.SkipBadFiles)
            {
                if (_badFiles.TryAdd(path, e.Message))
                {
                    var count = Interlocked.Increment(ref _skippedCount);
                    _logger.LogWarning("Skipped unreadable image ({Count} skipped so far): {Reason}", count, e.Message);
                }
            }
        }

        throw new GanInputException($"Every image in {folder.Path} failed to decode ({folder.Files.Count} files); see the warnings above.");
    }

    private DomainFolder Open(string name)
    {
        var folder = DomainFolder.Open(Path.Combine(Root, name), _options.SkipBadFiles, _options.MaxDatasetSize);
        foreach (var skipped in folder.Skipped)
        {
            var count = Interlocked.Increment(ref _skippedCount);
            _badFiles.TryAdd(skipped, "unreadable header");
            _logger.LogWarning("Skipped unreadable image ({Count} skipped so far): {File}", count, skipped);
        }

        return folder;
    }

    private (DomainFolder A, DomainFolder B) Get(DataSplit split)
    {
        if (_splits.Count == 0)
        {
            throw new InvalidOperationException("The unaligned-images data source is not prepared: call PrepareAsync first.");
        }

        return _splits.TryGetValue(split, out var folders)
            ? folders
            : throw new GanInputException(
                $"The unaligned-images source in {Root} has no {split} split"
                + (split == DataSplit.Test ? ": add testA/ and testB/." : "; it has Train (trainA/trainB) and Test (testA/testB)."));
    }
}

using System.Runtime.InteropServices;
using Gan.Abstractions;
using Gan.Plugins.Midi.PianoRoll;
using Gan.Plugins.Midi.Smf;
using Gan.Toolkit;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Plugins.Midi;

/// <summary>
/// The <c>midi-pianoroll</c> data source: a folder of MIDI files cut into multi-track piano-roll segments.
/// Batches carry "x" shaped (B, tracks, bars, steps per bar, pitches) with off/on encoded per
/// <see cref="PianoRollDataOptions.ValueRange"/>. Only the Train split exists.
/// </summary>
internal sealed class PianoRollDataSource : IDataSource, IDatasetInfoProvider, IDataShapeProvider
{
    private static readonly DataSplit[] AvailableSplits = [DataSplit.Train];

    private readonly ComponentContext _context;
    private readonly PianoRollDataOptions _options;
    private readonly ILogger _logger;
    private PianoRollDataset? _dataset;
    private List<DatasetInfo> _datasets = [];

    public PianoRollDataSource(ComponentContext context, PianoRollDataOptions options)
    {
        _context = context;
        _options = options;
        _logger = context.LoggerFactory.CreateLogger<PianoRollDataSource>();
        Folder = context.ResolveDataPath(options.Path);
        Layout = options.ToLayout();
    }

    /// <summary>The folder read.</summary>
    public string Folder { get; }

    /// <summary>The segments' grid and tracks.</summary>
    public PianoRollLayout Layout { get; }

    /// <summary>The segments' sizes, from which the MuseGAN networks' tracks, bars, steps_per_bar and pitches default.</summary>
    public IReadOnlyDictionary<string, long> Sizes => new Dictionary<string, long>(StringComparer.Ordinal)
    {
        [DataSizes.Tracks] = Layout.Tracks.Count,
        [DataSizes.Bars] = Layout.Bars,
        [DataSizes.StepsPerBar] = Layout.StepsPerBar,
        [DataSizes.Pitches] = Layout.Pitches,
    };

    /// <summary>How cells are encoded.</summary>
    public PianoRollValueRange ValueRange => _options.ValueRange;

    /// <summary>The prepared dataset.</summary>
    public PianoRollDataset Dataset => _dataset ?? throw new InvalidOperationException("The midi-pianoroll data source is not prepared: call PrepareAsync first.");

    /// <summary>The cache file used by the last preparation, or null when caching is off.</summary>
    public string? CacheFile { get; private set; }

    /// <summary>Whether the last preparation was served from the cache.</summary>
    public bool LoadedFromCache { get; private set; }

    public int BatchSize => _options.BatchSize;

    public IReadOnlyCollection<DataSplit> Splits => AvailableSplits;

    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_dataset is not null)
        {
            return Task.CompletedTask;
        }

        return Task.Run(() => Prepare(cancellationToken), cancellationToken);
    }

    public long BatchesPerEpoch(DataSplit split)
    {
        Require(split);
        var count = Dataset.Count;
        return count == 0 ? 0 : Math.Max(1, count / BatchSize);
    }

    public IEnumerable<Batch> ReadEpoch(EpochRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(request.Split);
        return Enumerate(request, cancellationToken);
    }

    private IEnumerable<Batch> Enumerate(EpochRequest request, CancellationToken cancellationToken)
    {
        var dataset = Dataset;
        var order = _options.Shuffle ? EpochOrder.Permutation(dataset.Count, request.Seed, request.Epoch) : [.. Enumerable.Range(0, dataset.Count)];
        var batches = BatchesPerEpoch(request.Split);
        var size = Math.Min(BatchSize, dataset.Count);
        for (var b = request.SkipBatches; b < batches; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var indices = order.AsSpan((int)(b * size), size).ToArray();
            var x = ToTensor(dataset, indices, _options.ValueRange).DetachFromDisposeScope();
            yield return new Batch(x);
        }
    }

    /// <summary>Segments <paramref name="indices"/> as a float tensor (N, tracks, bars, steps, pitches).</summary>
    internal static Tensor ToTensor(PianoRollDataset dataset, int[] indices, PianoRollValueRange range)
    {
        var cellsPerSegment = dataset.Layout.CellsPerSegment;
        var (off, on) = range == PianoRollValueRange.Symmetric ? (-1f, 1f) : (0f, 1f);
        // Written straight into the tensor's native memory: a managed float[] (20 MB per batch of musegan.yaml) copied
        // into a tensor put a large-object allocation and a second copy on every step.
        var batch = empty([indices.Length, .. dataset.Layout.SegmentShape], ScalarType.Float32);
        var values = MemoryMarshal.Cast<byte, float>(batch.bytes);
        var cells = dataset.Cells;
        for (var i = 0; i < indices.Length; i++)
        {
            var source = cells.AsSpan(indices[i] * cellsPerSegment, cellsPerSegment);
            var target = values.Slice(i * cellsPerSegment, cellsPerSegment);
            for (var c = 0; c < source.Length; c++)
            {
                target[c] = source[c] != 0 ? on : off;
            }
        }

        return batch;
    }

    private void Prepare(CancellationToken cancellationToken)
    {
        var scan = MidiFolderScan.Find(Folder);
        PianoRollDataset? dataset = null;
        if (_options.Cache)
        {
            var key = PianoRollDataset.CacheKey(scan, Folder, Layout, HopBars, _options.MinNotes);
            CacheFile = CachePaths.File(_context, "midi-pianoroll", $"{key}.bin");
            dataset = PianoRollDataset.TryLoad(CacheFile, Layout);
            LoadedFromCache = dataset is not null;
        }

        if (dataset is null)
        {
            using var progress = _context.Progress.Start($"Converting {scan.Files.Count} MIDI files to piano-rolls", scan.Files.Count, "files");
            dataset = PianoRollDataset.Build(scan, Layout, HopBars, _options.MinNotes, cancellationToken);
            progress.Advance(scan.Files.Count);
            if (CacheFile is not null)
            {
                dataset.Save(CacheFile);
            }
        }

        foreach (var skipped in dataset.Skipped)
        {
            _logger.LogWarning("Skipped {File}: {Reason}", skipped.Path, skipped.Reason);
        }

        _logger.LogInformation(
            "MIDI piano-rolls ready from {Folder}{Cache}: {Files} files read, {Skipped} skipped, {Segments} segments of {Bars} bars, {Notes} notes placed, {Dropped} dropped (out of range or no track)",
            Folder, LoadedFromCache ? " (cached)" : "", dataset.Files, dataset.Skipped.Count, dataset.Count, Layout.Bars, dataset.Notes, dataset.DroppedNotes);
        if (dataset.Count == 0)
        {
            throw new GanInputException(
                $"{Folder}: no piano-roll segments: {dataset.Files} MIDI files read, {dataset.Skipped.Count} skipped, none has {Layout.Bars} bars " +
                $"with at least {_options.MinNotes} notes on the tracks [{string.Join(", ", Layout.Tracks.Select(t => t.Name))}]. " +
                "Lower min_notes or bars, or check the tracks and the pitch range.");
        }

        _datasets =
        [
            new DatasetInfo(
                Path.GetFileName(Folder.TrimEnd(Path.DirectorySeparatorChar)),
                DatasetFingerprint.OfFiles(Folder, scan.Files),
                Folder,
                DatasetInfo.TrainingContext,
                new Dictionary<string, long>
                {
                    ["midi_files"] = dataset.Files,
                    ["skipped_files"] = dataset.Skipped.Count,
                    ["segments"] = dataset.Count,
                    ["tracks"] = Layout.Tracks.Count,
                    ["notes"] = dataset.Notes,
                }),
        ];
        _dataset = dataset;
    }

    /// <inheritdoc />
    public IReadOnlyList<DatasetInfo> GetDatasets() => _datasets;

    private int HopBars => _options.HopBars == 0 ? _options.Bars : _options.HopBars;

    private static void Require(DataSplit split)
    {
        if (split != DataSplit.Train)
        {
            throw new GanInputException($"The midi-pianoroll data source has only a Train split, not {split}.");
        }
    }
}

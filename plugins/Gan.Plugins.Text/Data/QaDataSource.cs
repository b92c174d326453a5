using Gan.Abstractions;
using Gan.Plugins.Text.Text;
using Gan.Toolkit;
using Microsoft.Extensions.Logging;

namespace Gan.Plugins.Text.Data;

/// <summary>
/// A question-answer data source (<c>qa-pairs</c>, <c>squad</c>): reads the pairs, holds out a Validation share
/// chosen from the seed, builds the word vocabulary from the training share and serves padded batches
/// ("question" (B, Lq), "answer" (B, La), int64).
/// </summary>
/// <remarks>
/// The vocabulary is a pure function of the file, the options and the seed, so whoever rebuilds this source from a
/// run's recorded experiment (the <c>answer</c> command, through <see cref="ITrainedRun.CreateDataSource"/>) gets
/// identical ids. It is also written to the cache (<see cref="VocabularyPath"/>) and logged as the run artifact
/// <c>vocab.txt</c> by the trainers, for inspection and for use outside this program.
/// </remarks>
public sealed class QaDataSource : IDataSource, IDatasetInfoProvider, IDataShapeProvider
{
    private static readonly DataSplit[] AvailableSplits = [DataSplit.Train, DataSplit.Validation];

    // The held-out draw's stream; epochs (the epoch orders' streams) count from 0, so the two never coincide.
    private const int HoldOutStream = -1;

    private readonly ComponentContext _context;
    private readonly QaDataOptions _options;
    private readonly string _name;
    private readonly Func<List<QaPair>> _read;
    private readonly ILogger _logger;
    private readonly string _sourceFile;
    private Dictionary<DataSplit, List<EncodedPair>>? _splits;
    private List<DatasetInfo> _datasets = [];

    /// <summary>Creates the source; <paramref name="read"/> (which reads <paramref name="sourceFile"/>) is called by <see cref="PrepareAsync"/>.</summary>
    internal QaDataSource(ComponentContext context, QaDataOptions options, string name, string sourceFile, Func<List<QaPair>> read)
    {
        _context = context;
        _options = options;
        _name = name;
        _sourceFile = sourceFile;
        _read = read;
        _logger = context.LoggerFactory.CreateLogger<QaDataSource>();
    }

    /// <inheritdoc />
    public int BatchSize => _options.BatchSize;

    /// <inheritdoc />
    public IReadOnlyCollection<DataSplit> Splits => AvailableSplits;

    /// <summary>The vocabulary built from the training pairs. Valid after preparation.</summary>
    public Vocabulary Vocabulary { get; private set; } = null!;

    /// <summary>Where the vocabulary was written in the cache. Valid after preparation.</summary>
    public string VocabularyPath { get; private set; } = "";

    /// <summary>The vocabulary's size, from which the networks' vocab_size defaults. Valid after preparation.</summary>
    public IReadOnlyDictionary<string, long> Sizes => new Dictionary<string, long>(StringComparer.Ordinal)
    {
        [DataSizes.VocabularySize] = Vocabulary.Count,
    };

    /// <summary>The options, for tokenising new questions the same way.</summary>
    public QaDataOptions Options => _options;

    /// <inheritdoc />
    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_splits is not null)
        {
            return Task.CompletedTask;
        }

        var pairs = _read();
        var order = Enumerable.Range(0, pairs.Count).ToArray();
        new SeededRandom(_context.Seed, HoldOutStream).Shuffle(order.AsSpan());
        var held = pairs.Count < 2 ? 0 : Math.Clamp((int)Math.Round(pairs.Count * _options.ValidationFraction), _options.ValidationFraction > 0 ? 1 : 0, pairs.Count - 1);
        // Held-out pairs keep their file order, so fixed sample sets read naturally.
        var validation = order.Take(held).Order().Select(i => pairs[i]).ToList();
        var train = order.Skip(held).Order().Select(i => pairs[i]).ToList();

        Vocabulary = Vocabulary.Build(
            train.SelectMany(p => new[] { Tokenize(p.Question), Tokenize(p.Answer) }), _options.MinCount, _options.MaxVocab);
        VocabularyPath = CachePaths.File(_context, "text", $"vocab-{_name}-{CacheKey.Of(Vocabulary.ToText(), 12)}.txt");
        if (!File.Exists(VocabularyPath))
        {
            Vocabulary.Save(VocabularyPath);
        }

        _splits = new Dictionary<DataSplit, List<EncodedPair>>
        {
            [DataSplit.Train] = train.Select(Encode).ToList(),
            [DataSplit.Validation] = validation.Select(Encode).ToList(),
        };
        // Both splits come from one file, split by the seed: the digest covers the file and the seed.
        var digest = DatasetFingerprint.OfText(DatasetFingerprint.OfFiles(Path.GetDirectoryName(_sourceFile)!, [_sourceFile]),
            _context.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), _options.ValidationFraction.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _datasets =
        [
            new DatasetInfo($"{_name}-train", digest, _sourceFile, DatasetInfo.TrainingContext,
                new Dictionary<string, long> { ["pairs"] = train.Count, ["vocabulary_size"] = Vocabulary.Count }),
            new DatasetInfo($"{_name}-validation", digest, _sourceFile, DatasetInfo.ValidationContext,
                new Dictionary<string, long> { ["pairs"] = validation.Count, ["vocabulary_size"] = Vocabulary.Count }),
        ];
        _logger.LogInformation(
            "{Name}: {Train} training and {Validation} held-out pairs, vocabulary of {Vocabulary} tokens ({Path}).",
            _name, train.Count, validation.Count, Vocabulary.Count, VocabularyPath);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public IReadOnlyList<DatasetInfo> GetDatasets() => _datasets;

    /// <summary>The encoded pairs of <paramref name="split"/>, in file order. Valid after preparation.</summary>
    public IReadOnlyList<EncodedPair> Pairs(DataSplit split)
    {
        if (_splits is null)
        {
            throw new InvalidOperationException($"The {_name} data source is not prepared: call PrepareAsync first.");
        }

        return _splits.TryGetValue(split, out var pairs)
            ? pairs
            : throw new GanInputException($"The {_name} data source has no {split} split; it has Train and Validation.");
    }

    /// <summary>Question ids for new text, tokenised and cut as the training questions were.</summary>
    public long[] EncodeQuestion(string question) => Vocabulary.Encode(Tokenize(question), _options.MaxQuestionLength);

    /// <inheritdoc />
    public long BatchesPerEpoch(DataSplit split) => (Pairs(split).Count + BatchSize - 1) / BatchSize;

    /// <inheritdoc />
    public IEnumerable<Batch> ReadEpoch(EpochRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pairs = Pairs(request.Split);
        return Enumerate(pairs, request, cancellationToken);
    }

    private IEnumerable<Batch> Enumerate(IReadOnlyList<EncodedPair> pairs, EpochRequest request, CancellationToken cancellationToken)
    {
        var order = _options.Shuffle && request.Split == DataSplit.Train
            ? EpochOrder.Permutation(pairs.Count, request.Seed, request.Epoch)
            : Enumerable.Range(0, pairs.Count).ToArray();

        var batches = (pairs.Count + BatchSize - 1) / BatchSize;
        for (var b = (int)request.SkipBatches; b < batches; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var members = order.Skip(b * BatchSize).Take(BatchSize).Select(i => pairs[i]).ToList();
            yield return QaBatches.Collate(members);
        }
    }

    private EncodedPair Encode(QaPair pair) => new(
        EncodeQuestion(pair.Question),
        [.. Vocabulary.Encode(Tokenize(pair.Answer), _options.MaxAnswerLength), Vocabulary.End],
        pair);

    private List<string> Tokenize(string text) => WordTokenizer.Tokenize(text, _options.Lowercase);
}

using System.Text;
using Gan.Abstractions;
using Gan.Toolkit;

namespace Gan.Plugins.Text.Text;

/// <summary>
/// A word-level vocabulary: special tokens first (<c>&lt;pad&gt;</c> 0, <c>&lt;s&gt;</c> 1, <c>&lt;/s&gt;</c> 2,
/// <c>&lt;unk&gt;</c> 3, <c>&lt;sep&gt;</c> 4), then words by descending count, ties in ordinal order, so the same
/// training text always gives the same ids. Saved as one token per line (line number = id).
/// </summary>
public sealed class Vocabulary
{
    /// <summary>Padding id; ignored by the losses.</summary>
    public const long Pad = 0;

    /// <summary>Start-of-answer id, the decoder's first input.</summary>
    public const long Start = 1;

    /// <summary>End-of-answer id.</summary>
    public const long End = 2;

    /// <summary>Unknown-word id.</summary>
    public const long Unknown = 3;

    /// <summary>Separator between question and answer in a packed pair (see <c>PairPacking</c>).</summary>
    public const long Separator = 4;

    /// <summary>The special tokens, in id order.</summary>
    public static IReadOnlyList<string> Specials { get; } = ["<pad>", "<s>", "</s>", "<unk>", "<sep>"];

    private readonly List<string> _tokens;
    private readonly Dictionary<string, long> _ids;

    private Vocabulary(List<string> tokens)
    {
        _tokens = tokens;
        _ids = new Dictionary<string, long>(tokens.Count, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            _ids.TryAdd(tokens[i], i);
        }
    }

    /// <summary>The number of tokens, specials included.</summary>
    public int Count => _tokens.Count;

    /// <summary>The token with id <paramref name="id"/>, or <c>&lt;unk&gt;</c> when out of range.</summary>
    public string this[long id] => id >= 0 && id < _tokens.Count ? _tokens[(int)id] : Specials[(int)Unknown];

    /// <summary>
    /// Builds a vocabulary from tokenised sentences: words seen at least <paramref name="minCount"/> times,
    /// the <paramref name="maxSize"/> - 5 most frequent when there are more.
    /// </summary>
    public static Vocabulary Build(IEnumerable<IReadOnlyList<string>> sentences, int minCount, int maxSize)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var token in sentence)
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        }

        var words = counts
            .Where(kv => kv.Value >= minCount && !Specials.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, maxSize - Specials.Count))
            .Select(kv => kv.Key);
        return new Vocabulary([.. Specials, .. words]);
    }

    /// <summary>Reads a vocabulary written by <see cref="Save"/>.</summary>
    public static Vocabulary Load(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        for (var i = 0; i < Specials.Count; i++)
        {
            if (i >= lines.Length || lines[i] != Specials[i])
            {
                throw new GanInputException(
                    $"{path}, line {i + 1}: expected the special token {Specials[i]}; this is not a vocabulary written by the text plugin.");
            }
        }

        return new Vocabulary([.. lines]);
    }

    /// <summary>Writes one token per line, UTF-8, so that line n (from 0) holds id n; atomically, as runs share the cache.</summary>
    public void Save(string path) => AtomicFile.WriteText(path, ToText());

    /// <summary>The saved form: one token per line.</summary>
    public string ToText() => string.Join('\n', _tokens) + "\n";

    /// <summary>The id of <paramref name="token"/>, or <see cref="Unknown"/>.</summary>
    public long IdOf(string token) => _ids.TryGetValue(token, out var id) ? id : Unknown;

    /// <summary>Ids of <paramref name="tokens"/>, at most <paramref name="maxLength"/> of them.</summary>
    public long[] Encode(IReadOnlyList<string> tokens, int maxLength) =>
        tokens.Take(maxLength).Select(IdOf).ToArray();

    /// <summary>
    /// The words of <paramref name="ids"/> up to the first <c>&lt;/s&gt;</c>, skipping padding and start tokens.
    /// </summary>
    public List<string> DecodeTokens(IEnumerable<long> ids)
    {
        var words = new List<string>();
        foreach (var id in ids)
        {
            if (id == End)
            {
                break;
            }

            if (id is Pad or Start or Separator)
            {
                continue;
            }

            words.Add(this[id]);
        }

        return words;
    }

    /// <summary>A readable sentence from <paramref name="ids"/>.</summary>
    public string Decode(IEnumerable<long> ids) => WordTokenizer.Detokenize(DecodeTokens(ids));
}

namespace Gan.Plugins.Text.Evaluation;

/// <summary>n-gram counting for BLEU and distinct-n.</summary>
internal static class NGrams
{
    /// <summary>Counts of each n-gram of <paramref name="tokens"/>, keyed by the tokens joined with U+0001.</summary>
    public static Dictionary<string, int> Count(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var gram in Enumerate(tokens, n))
        {
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }

    /// <summary>The n-grams of <paramref name="tokens"/> in order.</summary>
    public static IEnumerable<string> Enumerate(IReadOnlyList<string> tokens, int n)
    {
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            yield return string.Join('\u0001', tokens.Skip(i).Take(n));
        }
    }

    /// <summary>
    /// Distinct-n (Li et al. 2016): distinct n-grams divided by all n-grams over the whole set of generated
    /// sentences; 0 when there are none.
    /// </summary>
    public static double Distinct(IEnumerable<IReadOnlyList<string>> sentences, int n)
    {
        var all = sentences.SelectMany(s => Enumerate(s, n)).ToList();
        return all.Count == 0 ? 0.0 : all.Distinct(StringComparer.Ordinal).Count() / (double)all.Count;
    }
}

namespace Gan.Plugins.Text.Evaluation;

/// <summary>
/// Corpus-level BLEU (Papineni et al. 2002): clipped n-gram counts summed over the corpus, uniform geometric mean
/// of p_1..p_N, brevity penalty exp(1 − r/c) when c ≤ r with r the sum of the reference lengths closest to each
/// hypothesis (shorter on ties). No smoothing: any p_n = 0 gives 0, as NLTK's <c>corpus_bleu</c> does.
/// Hand-written because no BLEU implementation is in the package feed.
/// </summary>
public static class CorpusBleu
{
    /// <summary>BLEU-<paramref name="maxOrder"/> of <paramref name="hypotheses"/>, each against its own list of references.</summary>
    public static BleuScore Compute(
        IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> references, IReadOnlyList<IReadOnlyList<string>> hypotheses, int maxOrder = 4)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxOrder);
        if (references.Count != hypotheses.Count)
        {
            throw new ArgumentException($"{hypotheses.Count} hypotheses but {references.Count} reference lists.", nameof(references));
        }

        var matches = new long[maxOrder];
        var totals = new long[maxOrder];
        long hypothesisLength = 0;
        long referenceLength = 0;
        for (var i = 0; i < hypotheses.Count; i++)
        {
            var hypothesis = hypotheses[i];
            var refs = references[i];
            hypothesisLength += hypothesis.Count;
            referenceLength += refs.Count == 0 ? 0 : refs
                .Select(r => r.Count)
                .OrderBy(length => Math.Abs(length - hypothesis.Count))
                .ThenBy(length => length)
                .First();
            for (var n = 1; n <= maxOrder; n++)
            {
                var counts = NGrams.Count(hypothesis, n);
                var maxReferenceCounts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var reference in refs)
                {
                    foreach (var (gram, count) in NGrams.Count(reference, n))
                    {
                        maxReferenceCounts[gram] = Math.Max(maxReferenceCounts.GetValueOrDefault(gram), count);
                    }
                }

                foreach (var (gram, count) in counts)
                {
                    matches[n - 1] += Math.Min(count, maxReferenceCounts.GetValueOrDefault(gram));
                    totals[n - 1] += count;
                }
            }
        }

        var precisions = matches.Zip(totals, (m, t) => t == 0 ? 0.0 : m / (double)t).ToArray();
        var brevity = hypothesisLength == 0 ? 0.0
            : hypothesisLength > referenceLength ? 1.0
            : Math.Exp(1.0 - (referenceLength / (double)hypothesisLength));
        var bleu = precisions.Any(p => p == 0) ? 0.0 : brevity * Math.Exp(precisions.Average(Math.Log));
        return new BleuScore(bleu, precisions, brevity, hypothesisLength, referenceLength);
    }
}

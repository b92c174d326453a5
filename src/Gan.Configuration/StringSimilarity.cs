namespace Gan.Configuration;

/// <summary>
/// "Did you mean" suggestions for misspelt keys, enum values and component names.
/// Hand-written because it is twenty lines and the framework has no edit distance.
/// </summary>
public static class StringSimilarity
{
    private static readonly char[] WordSeparators = ['_', '-', '.'];

    /// <summary>
    /// The candidate closest to <paramref name="input"/>, or null when none is close enough to be a likely
    /// typo. Compares case-insensitively, by Levenshtein distance to the whole candidate or (with a penalty
    /// of one) to a run of its words, so <c>hiden</c> finds <c>hidden_sizes</c>; a suggestion is made when
    /// the distance is at most max(2, length of input / 3).
    /// </summary>
    public static string? ClosestMatch(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);

        var needle = input.ToLowerInvariant();
        var threshold = Math.Max(2, input.Length / 3);
        string? best = null;
        var bestScore = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var score = Score(needle, candidate.ToLowerInvariant());
            if (score < bestScore || (score == bestScore && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestScore = score;
            }
        }

        return bestScore <= threshold ? best : null;
    }

    /// <summary>The Levenshtein distance (insertions, deletions and substitutions) between two strings.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static int Score(string input, string candidate)
    {
        var score = Distance(input, candidate);
        var words = candidate.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return score;
        }

        // Users often type only part of a compound key (hidden for hidden_sizes): compare with each run of
        // consecutive words, one point worse than a whole-key match.
        for (var start = 0; start < words.Length; start++)
        {
            for (var end = start + 1; end <= words.Length; end++)
            {
                if (end - start == words.Length)
                {
                    continue;
                }

                var run = string.Join('_', words[start..end]);
                score = Math.Min(score, Distance(input, run) + 1);
            }
        }

        return score;
    }
}

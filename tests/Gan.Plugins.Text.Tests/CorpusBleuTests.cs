using Gan.Plugins.Text.Evaluation;

namespace Gan.Plugins.Text.Tests;

public sealed class CorpusBleuTests
{
    // The example corpus of NLTK's documentation (nltk.translate.bleu_score.corpus_bleu docstring), whose
    // documented values are corpus_bleu = 0.5920..., sentence_bleu(hyp1) = 0.5045... and the mean of the two
    // sentence scores = 0.6223...
    private static readonly string[] Hyp1 = ["It", "is", "a", "guide", "to", "action", "which", "ensures", "that", "the", "military", "always", "obeys", "the", "commands", "of", "the", "party"];
    private static readonly string[] Ref1A = ["It", "is", "a", "guide", "to", "action", "that", "ensures", "that", "the", "military", "will", "forever", "heed", "Party", "commands"];
    private static readonly string[] Ref1B = ["It", "is", "the", "guiding", "principle", "which", "guarantees", "the", "military", "forces", "always", "being", "under", "the", "command", "of", "the", "Party"];
    private static readonly string[] Ref1C = ["It", "is", "the", "practical", "guide", "for", "the", "army", "always", "to", "heed", "the", "directions", "of", "the", "party"];
    private static readonly string[] Hyp2 = ["he", "read", "the", "book", "because", "he", "was", "interested", "in", "world", "history"];
    private static readonly string[] Ref2A = ["he", "was", "interested", "in", "world", "history", "because", "he", "read", "the", "book"];

    [Fact]
    public void Corpus_bleu_matches_nltks_documented_example()
    {
        var score = CorpusBleu.Compute([[Ref1A, Ref1B, Ref1C], [Ref2A]], [Hyp1, Hyp2]);

        // The documentation prints "0.5920..." (doctest ELLIPSIS): the value truncated to four decimals.
        Assert.InRange(score.Bleu, 0.5920, 0.5921);
    }

    [Fact]
    public void Sentence_scores_match_nltks_documented_sentence_bleu_and_their_mean()
    {
        var first = CorpusBleu.Compute([[Ref1A, Ref1B, Ref1C]], [Hyp1]).Bleu;
        var second = CorpusBleu.Compute([[Ref2A]], [Hyp2]).Bleu;

        Assert.InRange(first, 0.5045, 0.5046);
        Assert.InRange((first + second) / 2, 0.6223, 0.6224);
    }

    [Fact]
    public void Reordered_sentence_matches_the_hand_computed_precisions()
    {
        // By hand: unigrams 11/11, bigrams 9/10 (only "book because" misses), trigrams 6/9, 4-grams 4/8, equal
        // lengths so BP = 1: BLEU = (1 · 0.9 · 2/3 · 0.5)^(1/4) = 0.3^(1/4).
        var score = CorpusBleu.Compute([[Ref2A]], [Hyp2]);

        Assert.Equal(1.0, score.Precisions[0], 12);
        Assert.Equal(0.9, score.Precisions[1], 12);
        Assert.Equal(6 / 9.0, score.Precisions[2], 12);
        Assert.Equal(0.5, score.Precisions[3], 12);
        Assert.Equal(1.0, score.BrevityPenalty);
        Assert.Equal(Math.Pow(0.3, 0.25), score.Bleu, 12);
    }

    [Fact]
    public void Repeated_words_are_clipped_as_in_papinenis_example()
    {
        // Papineni et al. (2002), section 2.1: "the the the the the the the" against two references has a modified
        // unigram precision of 2/7.
        string[] candidate = ["the", "the", "the", "the", "the", "the", "the"];
        string[] reference1 = ["the", "cat", "is", "on", "the", "mat"];
        string[] reference2 = ["there", "is", "a", "cat", "on", "the", "mat"];

        var score = CorpusBleu.Compute([[reference1, reference2]], [candidate], maxOrder: 1);

        Assert.Equal(2 / 7.0, score.Precisions[0], 12);
        Assert.Equal(2 / 7.0, score.Bleu, 12);
    }

    [Fact]
    public void Short_hypotheses_pay_the_brevity_penalty_against_the_closest_reference()
    {
        // c = 3, closest reference length r = 4 (not 7): BP = exp(1 - 4/3); every unigram matches.
        var score = CorpusBleu.Compute([[["a", "b", "c", "d"], ["a", "b", "c", "d", "e", "f", "g"]]], [["a", "b", "c"]], maxOrder: 1);

        Assert.Equal(4, score.ReferenceLength);
        Assert.Equal(Math.Exp(1 - (4 / 3.0)), score.BrevityPenalty, 12);
        Assert.Equal(Math.Exp(1 - (4 / 3.0)), score.Bleu, 12);
    }

    [Fact]
    public void A_missing_order_of_ngrams_gives_zero_without_smoothing()
    {
        Assert.Equal(0.0, CorpusBleu.Compute([[["a", "b", "c", "d"]]], [["a", "b", "c"]]).Bleu);
    }

    [Fact]
    public void Distinct_n_counts_unique_ngrams_over_all_sentences()
    {
        string[][] sentences = [["a", "b", "a"], ["a", "b"]];

        Assert.Equal(2 / 5.0, NGrams.Distinct(sentences, 1), 12);
        Assert.Equal(2 / 3.0, NGrams.Distinct(sentences, 2), 12);
    }
}

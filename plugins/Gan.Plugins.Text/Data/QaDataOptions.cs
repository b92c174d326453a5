using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Text.Data;

/// <summary>Options every question-answer data source shares: batching, the held-out split and the vocabulary.</summary>
public abstract class QaDataOptions
{
    /// <summary>Pairs per batch; the last partial batch of an epoch is kept.</summary>
    [Description("Question-answer pairs per batch; the last partial batch is kept.")]
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 32;

    /// <summary>Share of the pairs held out as the Validation split, chosen by the seed.</summary>
    [Description("Share of the pairs held out for validation (BLEU, perplexity, samples), chosen from the seed.")]
    [Range(0.0, 0.9)]
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary>Words seen fewer times than this in the training pairs map to &lt;unk&gt;.</summary>
    [Description("Minimum count of a word in the training pairs to enter the vocabulary; rarer words become <unk>.")]
    [Range(1, 1_000_000)]
    public int MinCount { get; set; } = 1;

    /// <summary>The vocabulary's maximum size, special tokens included; must not exceed the networks' vocab_size.</summary>
    [Description("Maximum vocabulary size including the 5 special tokens; the networks' vocab_size must be at least this.")]
    [Range(6, 1_000_000)]
    public int MaxVocab { get; set; } = 4000;

    /// <summary>Questions are cut to this many tokens.</summary>
    [Description("Questions are cut to this many tokens.")]
    [Range(1, 10_000)]
    public int MaxQuestionLength { get; set; } = 24;

    /// <summary>Answers are cut to this many tokens (before the end token).</summary>
    [Description("Answers are cut to this many tokens, not counting the end token.")]
    [Range(1, 10_000)]
    public int MaxAnswerLength { get; set; } = 24;

    /// <summary>Whether text is lower-cased before tokenisation.</summary>
    [Description("Lower-case text before tokenising.")]
    public bool Lowercase { get; set; } = true;

    /// <summary>Whether each training epoch visits the pairs in a new order fixed by the seed and epoch.</summary>
    [Description("Shuffle the training pairs every epoch, in an order fixed by the seed and the epoch number.")]
    public bool Shuffle { get; set; } = true;
}

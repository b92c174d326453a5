using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Abstractions;

namespace Gan.Plugins.Text.Networks;

/// <summary>Options of the <c>qa-pair-gru</c> discriminator.</summary>
public sealed class PairDiscriminatorOptions
{
    /// <summary>Rows of the embedding; at least the data source's <c>max_vocab</c>.</summary>
    [Description("Embedding size; at least the vocabulary's size (default: exactly that, from the data source).")]
    [FromData(DataSizes.VocabularySize, AtLeast = true)]
    [Range(6, 1_000_000)]
    public int VocabSize { get; set; } = 4000;

    /// <summary>Word embedding width, shared by the question and answer encoders.</summary>
    [Description("Word embedding width (shared by the question and answer encoders).")]
    [Range(1, 100_000)]
    public int EmbeddingDim { get; set; } = 64;

    /// <summary>GRU hidden width of each encoder.</summary>
    [Description("GRU hidden width of the question and answer encoders.")]
    [Range(1, 100_000)]
    public int HiddenDim { get; set; } = 128;

    /// <summary>Dropout before the classifier.</summary>
    [Description("Dropout before the classifier (training only).")]
    [Range(0.0, 0.95)]
    public double Dropout { get; set; } = 0.2;
}

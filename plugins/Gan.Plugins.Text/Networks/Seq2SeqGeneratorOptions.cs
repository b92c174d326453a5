using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Abstractions;

namespace Gan.Plugins.Text.Networks;

/// <summary>Options of the <c>seq2seq-attention</c> generator.</summary>
public sealed class Seq2SeqGeneratorOptions
{
    /// <summary>Rows of the embedding and output layers; at least the data source's <c>max_vocab</c>.</summary>
    [Description("Embedding/output size; at least the vocabulary's size (default: exactly that, from the data source).")]
    [FromData(DataSizes.VocabularySize, AtLeast = true)]
    [Range(6, 1_000_000)]
    public int VocabSize { get; set; } = 4000;

    /// <summary>Word embedding width.</summary>
    [Description("Word embedding width.")]
    [Range(1, 100_000)]
    public int EmbeddingDim { get; set; } = 128;

    /// <summary>GRU hidden width of encoder and decoder.</summary>
    [Description("GRU hidden width of the encoder and the decoder.")]
    [Range(1, 100_000)]
    public int HiddenDim { get; set; } = 256;

    /// <summary>Dropout on embeddings and the attentional state during training.</summary>
    [Description("Dropout on embeddings and on the attentional hidden state (training only).")]
    [Range(0.0, 0.95)]
    public double Dropout { get; set; } = 0.1;

    /// <summary>Longest answer <c>Generate</c> and the decoders write, end token included.</summary>
    [Description("Longest answer generated (tokens, end token included).")]
    [Range(1, 10_000)]
    public int MaxAnswerLength { get; set; } = 25;
}

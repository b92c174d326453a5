using Gan.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Plugins.Text.Networks;

/// <summary>
/// Scores a (question, answer) pair, packed by <see cref="PairPacking"/>, as real or generated: shared embeddings,
/// one GRU encoder for the question and one for the answer, and an MLP over [q; a; q ⊙ a] giving one logit per pair.
/// </summary>
public sealed class PairDiscriminator : nn.Module<Tensor, Tensor>, IDiscriminator
{
    private readonly Embedding _embedding;
    private readonly GRU _questionEncoder;
    private readonly GRU _answerEncoder;
    private readonly Sequential _classifier;

    /// <summary>Builds the network from its options.</summary>
    public PairDiscriminator(PairDiscriminatorOptions options) : base(nameof(PairDiscriminator))
    {
        ArgumentNullException.ThrowIfNull(options);
        VocabSize = options.VocabSize;
        _embedding = nn.Embedding(options.VocabSize, options.EmbeddingDim, padding_idx: Text.Vocabulary.Pad);
        _questionEncoder = nn.GRU(options.EmbeddingDim, options.HiddenDim, batchFirst: true);
        _answerEncoder = nn.GRU(options.EmbeddingDim, options.HiddenDim, batchFirst: true);
        _classifier = nn.Sequential(
            nn.Dropout(options.Dropout),
            nn.Linear(3L * options.HiddenDim, options.HiddenDim),
            nn.LeakyReLU(0.2),
            nn.Linear(options.HiddenDim, 1));
        RegisterComponents();
    }

    /// <summary>Rows of the embedding: the largest vocabulary this network can read.</summary>
    public int VocabSize { get; }

    /// <inheritdoc />
    public nn.Module Module => this;

    /// <summary>Scores packed pairs (B, Lq + 1 + La): logits (B).</summary>
    public Tensor Score(Tensor samples) => forward(samples);

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var (question, answer) = PairPacking.Unpack(input);
        var q = Encode(_questionEncoder, question);
        var a = Encode(_answerEncoder, answer);
        // (B, H) each
        return _classifier.call(cat([q, a, q * a], dim: 1)).squeeze(1);
        // (B)
    }

    private Tensor Encode(GRU encoder, Tensor tokens)
    {
        var (outputs, _) = encoder.call(_embedding.call(tokens));
        // (B, L, H)
        return SequenceMasks.LastState(outputs, SequenceMasks.Lengths(tokens));
    }
}

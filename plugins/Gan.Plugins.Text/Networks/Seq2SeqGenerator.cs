using Gan.Abstractions;
using Gan.Plugins.Text.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Plugins.Text.Networks;

/// <summary>
/// A GRU encoder-decoder with Luong et al. (2015) global dot attention: the encoder reads the question, the decoder
/// writes the answer; at each step the decoder state h_t attends over the encoder states, and
/// tanh(W_c [c_t; h_t]) feeds the output layer. Without input feeding the attention runs on all decoder
/// steps at once under teacher forcing.
/// </summary>
/// <remarks>
/// As an <see cref="IGenerator"/> it is conditional (<see cref="LatentShape"/> is null): <see cref="Generate"/>
/// takes question ids (B, Lq) int64 and returns greedy answer ids (B, La) int64, cut after the first
/// <c>&lt;/s&gt;</c> and padded. <see cref="AnswerDecoding"/> offers sampling and beam search.
/// </remarks>
public sealed class Seq2SeqGenerator : nn.Module<Tensor, Tensor>, IGenerator
{
    private readonly Embedding _embedding;
    private readonly GRU _encoder;
    private readonly GRU _decoder;
    private readonly Linear _combine;
    private readonly Linear _output;
    private readonly Dropout _dropout;

    /// <summary>Builds the network from its options.</summary>
    public Seq2SeqGenerator(Seq2SeqGeneratorOptions options) : base(nameof(Seq2SeqGenerator))
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _embedding = nn.Embedding(options.VocabSize, options.EmbeddingDim, padding_idx: Vocabulary.Pad);
        _encoder = nn.GRU(options.EmbeddingDim, options.HiddenDim, batchFirst: true);
        _decoder = nn.GRU(options.EmbeddingDim, options.HiddenDim, batchFirst: true);
        _combine = nn.Linear(2L * options.HiddenDim, options.HiddenDim);
        _output = nn.Linear(options.HiddenDim, options.VocabSize);
        _dropout = nn.Dropout(options.Dropout);
        RegisterComponents();
    }

    /// <summary>The options the network was built with.</summary>
    public Seq2SeqGeneratorOptions Options { get; }

    /// <inheritdoc />
    public nn.Module Module => this;

    /// <inheritdoc />
    public long[]? LatentShape => null;

    /// <summary>Greedy answers to question ids (B, Lq) int64: answer ids (B, La) int64, padded after <c>&lt;/s&gt;</c>.</summary>
    public Tensor Generate(Tensor input) => AnswerDecoding.Greedy(this, input, Options.MaxAnswerLength);

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Generate(input);

    /// <summary>Encodes question ids (B, Lq).</summary>
    public EncodedQuestion Encode(Tensor question)
    {
        var embedded = _dropout.call(_embedding.call(question));
        // (B, Lq, E)
        var (outputs, _) = _encoder.call(embedded);
        // (B, Lq, H)
        var final = SequenceMasks.LastState(outputs, SequenceMasks.Lengths(question)).unsqueeze(0);
        // (1, B, H)
        return new EncodedQuestion(outputs, question.eq(Vocabulary.Pad), final);
    }

    /// <summary>
    /// Runs the decoder on input ids (B, T) from <paramref name="state"/> (1, B, H); returns logits (B, T, V) and the
    /// new state. T is the whole shifted answer under teacher forcing, 1 when decoding step by step.
    /// </summary>
    public (Tensor Logits, Tensor State) Decode(EncodedQuestion question, Tensor inputs, Tensor state)
    {
        var embedded = _dropout.call(_embedding.call(inputs));
        // (B, T, E)
        var (outputs, next) = _decoder.call(embedded, state);
        // (B, T, H)
        var scores = outputs.bmm(question.Outputs.transpose(1, 2));
        // (B, T, Lq): Luong's dot score h_t · h̄_s
        scores = scores.masked_fill(question.Padding.unsqueeze(1), double.NegativeInfinity);
        var context = F.softmax(scores, dim: -1).bmm(question.Outputs);
        // (B, T, H)
        var attentional = _dropout.call(tanh(_combine.call(cat([context, outputs], dim: -1))));
        // (B, T, H)
        return (_output.call(attentional), next);
        // (B, T, V)
    }

    /// <summary>Teacher-forced logits (B, La, V) for answers (B, La) that end with <c>&lt;/s&gt;</c>: the decoder reads &lt;s&gt; + answer[:-1].</summary>
    public Tensor TeacherForcedLogits(Tensor question, Tensor answer)
    {
        var encoded = Encode(question);
        var start = full([answer.shape[0], 1], Vocabulary.Start, dtype: ScalarType.Int64, device: answer.device);
        var inputs = cat([start, answer.narrow(1, 0, answer.shape[1] - 1)], dim: 1);
        // (B, La)
        return Decode(encoded, inputs, encoded.Final).Logits;
    }
}

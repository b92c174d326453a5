using Gan.Plugins.Text.Data;
using Gan.Plugins.Text.Networks;
using Gan.Plugins.Text.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Plugins.Text.Tests;

[Collection(TorchCollection.Name)]
public sealed class DecodingTests
{
    private const int Vocab = 30;
    private const int MaxLength = 7;

    private static Seq2SeqGenerator Generator()
    {
        manual_seed(3);
        var generator = new Seq2SeqGenerator(new Seq2SeqGeneratorOptions { VocabSize = Vocab, EmbeddingDim = 8, HiddenDim = 16, MaxAnswerLength = MaxLength });
        generator.eval();
        return generator;
    }

    private static Tensor Questions() => QaBatches.Pad([[5, 6, 7, 8], [9, 10], [11, 12, 13]]);

    [Fact]
    public void Greedy_sampled_and_beam_answers_are_int64_batches_no_longer_than_the_limit()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var generator = Generator();
        var question = Questions();

        foreach (var answer in new[]
                 {
                     generator.Generate(question),
                     AnswerDecoding.Sample(generator, question, MaxLength, temperature: 0.8, topK: 5),
                     AnswerDecoding.Sample(generator, question, MaxLength),
                     AnswerDecoding.Beam(generator, question, MaxLength, beamSize: 3),
                 })
        {
            Assert.Equal(ScalarType.Int64, answer.dtype);
            Assert.Equal(2, answer.dim());
            Assert.Equal(3, answer.shape[0]);
            Assert.InRange(answer.shape[1], 1, MaxLength);
            Assert.True(answer.lt(Vocab).all().item<bool>() && answer.ge(0).all().item<bool>());
        }
    }

    [Fact]
    public void Nothing_follows_the_end_token_but_padding()
    {
        using var scope = NewDisposeScope();
        var cut = SequenceMasks.CutAtEnd(tensor(new long[] { 5, Vocabulary.End, 6, 7, 8, 9, 10, Vocabulary.End }, [2, 4]));

        Assert.Equal(new long[] { 5, Vocabulary.End, Vocabulary.Pad, Vocabulary.Pad, 8, 9, 10, Vocabulary.End }, cut.data<long>().ToArray());
    }

    [Fact]
    public void Beam_of_one_equals_greedy_decoding()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var generator = Generator();
        var question = Questions();

        var greedy = generator.Generate(question);
        var beam = AnswerDecoding.Beam(generator, question, MaxLength, beamSize: 1);

        Assert.Equal(greedy.data<long>().ToArray(), beam.data<long>().ToArray());
    }

    [Fact]
    public void Top_k_of_one_samples_the_greedy_answer()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var generator = Generator();
        var question = Questions();

        var sampled = AnswerDecoding.Sample(generator, question, MaxLength, temperature: 2.0, topK: 1);

        Assert.Equal(generator.Generate(question).data<long>().ToArray(), sampled.data<long>().ToArray());
    }

    [Fact]
    public void Teacher_forced_logits_cover_every_answer_position()
    {
        using var scope = NewDisposeScope();
        var generator = Generator();
        var answer = QaBatches.Pad([[5, 6, Vocabulary.End], [7, Vocabulary.End], [8, 9, 10, Vocabulary.End]]);

        var logits = generator.TeacherForcedLogits(Questions(), answer);

        Assert.Equal(new long[] { 3, 4, Vocab }, logits.shape);
    }

    [Fact]
    public void Discriminator_scores_one_logit_per_packed_pair()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var discriminator = new PairDiscriminator(new PairDiscriminatorOptions { VocabSize = Vocab, EmbeddingDim = 8, HiddenDim = 8 });
        var answer = QaBatches.Pad([[5, Vocabulary.End], [6, 7, Vocabulary.End], [Vocabulary.End]]);
        var packed = PairPacking.Pack(Questions(), answer);

        var (question, unpacked) = PairPacking.Unpack(packed);
        var scores = discriminator.Score(packed);

        Assert.Equal(Questions().data<long>().ToArray(), question.data<long>().ToArray());
        Assert.Equal(answer.data<long>().ToArray(), unpacked.data<long>().ToArray());
        Assert.Equal(new long[] { 3 }, scores.shape);
    }
}

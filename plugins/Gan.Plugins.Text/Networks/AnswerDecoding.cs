using Gan.Plugins.Text.Text;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Plugins.Text.Networks;

/// <summary>
/// Decoding strategies for <see cref="Seq2SeqGenerator"/>: greedy, sampling (temperature, top-k) and beam search.
/// Each takes question ids (B, Lq) and returns answer ids (B, L) int64, L ≤ maxLength, with everything after a
/// row's first <c>&lt;/s&gt;</c> set to <c>&lt;pad&gt;</c>. Callers disable gradients unless they need them.
/// </summary>
public static class AnswerDecoding
{
    /// <summary>The most likely token at every step.</summary>
    public static Tensor Greedy(Seq2SeqGenerator generator, Tensor question, int maxLength) =>
        StepWise(generator, question, maxLength, logits => logits.argmax(-1));

    /// <summary>
    /// Draws every token from softmax(logits / <paramref name="temperature"/>), restricted to the
    /// <paramref name="topK"/> most likely tokens when <paramref name="topK"/> &gt; 0. Uses <paramref name="random"/>
    /// when given, else torch's global generator (the experiment's seed).
    /// </summary>
    public static Tensor Sample(Seq2SeqGenerator generator, Tensor question, int maxLength, double temperature = 1.0, int topK = 0, Generator? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        return StepWise(generator, question, maxLength, logits =>
        {
            var scaled = temperature == 1.0 ? logits : logits / temperature;
            if (topK > 0 && topK < scaled.size(-1))
            {
                var (values, indices) = scaled.topk(topK, dim: -1);
                var choice = CategoricalSampling.Draw(F.softmax(values, dim: -1), random);
                return indices.gather(-1, choice.unsqueeze(-1)).squeeze(-1);
            }

            return CategoricalSampling.Draw(F.softmax(scaled, dim: -1), random);
        });
    }

    /// <summary>
    /// Beam search with <paramref name="beamSize"/> hypotheses per question; finished hypotheses keep their score,
    /// and the answer returned maximises the mean log-probability per token (so short answers are not favoured).
    /// </summary>
    public static Tensor Beam(Seq2SeqGenerator generator, Tensor question, int maxLength, int beamSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beamSize);
        var batch = question.shape[0];
        var device = question.device;
        var encoded = generator.Encode(question).Repeat(beamSize);
        var state = encoded.Final;
        // (1, B*K, H)
        var scores = full([batch, beamSize], double.NegativeInfinity, device: device);
        scores[.., 0] = 0.0;
        // Only beam 0 is live at first, so the K beams do not start as K copies of one hypothesis.
        var tokens = full([batch * beamSize, 1], Vocabulary.Start, dtype: ScalarType.Int64, device: device);
        var history = empty([batch * beamSize, 0], dtype: ScalarType.Int64, device: device);
        var finished = zeros([batch * beamSize], dtype: ScalarType.Bool, device: device);
        var lengths = zeros([batch, beamSize], device: device);
        var offsets = (arange(batch, device: device) * beamSize).unsqueeze(1);
        // (B, 1): row offset of each question's beams in the flattened (B*K) layout
        for (var step = 0; step < maxLength; step++)
        {
            var (logits, next) = generator.Decode(encoded, tokens, state);
            var logProbs = F.log_softmax(logits.squeeze(1), dim: -1);
            // (B*K, V)
            var vocabulary = logProbs.shape[1];
            // A finished hypothesis may only continue with padding, at no cost.
            var frozen = full_like(logProbs, double.NegativeInfinity);
            frozen[.., Vocabulary.Pad] = 0.0;
            logProbs = where(finished.unsqueeze(1), frozen, logProbs);
            var total = (scores.unsqueeze(2) + logProbs.view(batch, beamSize, vocabulary)).view(batch, -1);
            // (B, K*V)
            var (best, index) = total.topk(beamSize, dim: -1);
            var beam = index.div(vocabulary, rounding_mode: RoundingMode.floor);
            var token = index.remainder(vocabulary);
            // (B, K) each
            var source = (beam + offsets).view(-1);
            // (B*K): the flattened row each new hypothesis extends
            var wasFinished = finished.index_select(0, source);
            lengths = lengths.gather(1, beam) + (~wasFinished).view(batch, beamSize).to(ScalarType.Float32);
            history = cat([history.index_select(0, source), token.view(-1, 1)], dim: 1);
            state = next.index_select(1, source);
            finished = wasFinished | token.view(-1).eq(Vocabulary.End);
            scores = best;
            tokens = token.view(-1, 1);
            if (finished.all().item<bool>())
            {
                break;
            }
        }

        var normalised = scores / lengths.clamp_min(1);
        var chosen = (normalised.argmax(-1, keepdim: true) + offsets).view(-1);
        // (B)
        return SequenceMasks.CutAtEnd(history.index_select(0, chosen));
        // (B, L)
    }

    private static Tensor StepWise(Seq2SeqGenerator generator, Tensor question, int maxLength, Func<Tensor, Tensor> choose)
    {
        var batch = question.shape[0];
        var encoded = generator.Encode(question);
        var state = encoded.Final;
        var tokens = full([batch, 1], Vocabulary.Start, dtype: ScalarType.Int64, device: question.device);
        var finished = zeros([batch], dtype: ScalarType.Bool, device: question.device);
        var steps = new List<Tensor>(maxLength);
        for (var step = 0; step < maxLength; step++)
        {
            var (logits, next) = generator.Decode(encoded, tokens, state);
            var token = choose(logits.squeeze(1));
            // (B)
            token = token.masked_fill(finished, Vocabulary.Pad);
            steps.Add(token);
            finished = finished | token.eq(Vocabulary.End);
            state = next;
            tokens = token.unsqueeze(1);
            if (finished.all().item<bool>())
            {
                break;
            }
        }

        return SequenceMasks.CutAtEnd(stack(steps, dim: 1));
        // (B, L)
    }
}

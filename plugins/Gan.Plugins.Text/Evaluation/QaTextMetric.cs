using Gan.Abstractions;
using Gan.Plugins.Text.Data;
using Gan.Plugins.Text.Networks;
using Gan.Plugins.Text.Text;
using Gan.Plugins.Text.Training;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Plugins.Text.Evaluation;

/// <summary>
/// Held-out quality of the generator: corpus BLEU-1..4 of decoded answers against the reference answers
/// (word tokens, references tokenised from the original text so out-of-vocabulary words count as misses),
/// teacher-forced perplexity, distinct-1/2 of the decoded answers and their mean length. Keys: <c>val_bleu1</c> ..
/// <c>val_bleu4</c>, <c>val_perplexity</c>, <c>val_distinct1</c>, <c>val_distinct2</c>, <c>val_answer_length</c>.
/// </summary>
internal sealed class QaTextMetric : IMetric
{
    private const int Chunk = 64;
    private readonly QaTextMetricOptions _options;

    public QaTextMetric(QaTextMetricOptions options)
    {
        if (options.Decoding == DecodingMethod.Sample)
        {
            throw new GanInputException("qa-text-metrics: decoding must be greedy or beam; sampled answers make BLEU a random number.");
        }

        _options = options;
    }

    public IReadOnlyDictionary<string, double> Evaluate(ITrainingContext context)
    {
        var data = TextTraining.Data(context, "qa-text-metrics");
        var generator = TextTraining.Generator(context, _options.Generator, "qa-text-metrics");
        var pairs = data.Pairs(DataSplit.Validation);
        if (_options.MaxPairs > 0)
        {
            pairs = pairs.Take(_options.MaxPairs).ToList();
        }

        if (pairs.Count == 0)
        {
            return new Dictionary<string, double>();
        }

        var decoding = new DecodingSettings(_options.Decoding, _options.BeamSize);
        var answers = decoding.Answer(generator, pairs.Select(p => p.Question).ToList(), context.Device, Chunk);
        var hypotheses = answers.Select(a => (IReadOnlyList<string>)data.Vocabulary.DecodeTokens(a)).ToList();
        var references = pairs
            .Select(p => (IReadOnlyList<IReadOnlyList<string>>)[WordTokenizer.Tokenize(p.Source.Answer, data.Options.Lowercase)])
            .ToList();

        var values = new Dictionary<string, double>();
        for (var n = 1; n <= 4; n++)
        {
            values[$"val_bleu{n}"] = CorpusBleu.Compute(references, hypotheses, n).Bleu;
        }

        values["val_perplexity"] = Perplexity(generator, pairs, context.Device);
        values["val_distinct1"] = NGrams.Distinct(hypotheses, 1);
        values["val_distinct2"] = NGrams.Distinct(hypotheses, 2);
        values["val_answer_length"] = hypotheses.Average(h => h.Count);
        return values;
    }

    /// <summary>exp of the mean negative log-likelihood per reference answer token (end token included).</summary>
    private static double Perplexity(Seq2SeqGenerator generator, IReadOnlyList<EncodedPair> pairs, Device device)
    {
        double totalLoss = 0;
        long tokens = 0;
        for (var start = 0; start < pairs.Count; start += Chunk)
        {
            using var scope = NewDisposeScope();
            var chunk = pairs.Skip(start).Take(Chunk).ToList();
            var question = QaBatches.Pad(chunk.Select(p => p.Question).ToList()).to(device);
            var answer = QaBatches.Pad(chunk.Select(p => p.Answer).ToList()).to(device);
            var logits = generator.TeacherForcedLogits(question, answer);
            var loss = F.cross_entropy(logits.reshape(-1, logits.shape[2]), answer.reshape(-1), ignore_index: Vocabulary.Pad, reduction: nn.Reduction.Sum);
            totalLoss += loss.item<float>();
            tokens += chunk.Sum(p => p.Answer.Length);
        }

        return Math.Exp(totalLoss / Math.Max(1, tokens));
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Plugins.Text.Networks;

/// <summary>A decoding method with its parameters.</summary>
/// <param name="Method">Greedy, beam or sampling.</param>
/// <param name="BeamSize">Hypotheses per question for beam search.</param>
/// <param name="Temperature">Softmax temperature for sampling.</param>
/// <param name="TopK">Sample among the k most likely tokens (0: all).</param>
public sealed record DecodingSettings(DecodingMethod Method, int BeamSize = 4, double Temperature = 1.0, int TopK = 0)
{
    /// <summary>
    /// Answers <paramref name="questions"/> (id arrays) in chunks of <paramref name="chunk"/>; returns each answer's ids
    /// without padding. Runs without gradients; <paramref name="random"/> drives sampling when given.
    /// </summary>
    public List<long[]> Answer(Seq2SeqGenerator generator, IReadOnlyList<long[]> questions, Device device, int chunk = 64, Generator? random = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(questions);
        var answers = new List<long[]>(questions.Count);
        using var noGrad = no_grad();
        for (var start = 0; start < questions.Count; start += chunk)
        {
            using var scope = NewDisposeScope();
            var rows = questions.Skip(start).Take(chunk).Select(q => q.Length == 0 ? [Text.Vocabulary.Unknown] : q).ToList();
            var question = Data.QaBatches.Pad(rows).to(device);
            var maxLength = generator.Options.MaxAnswerLength;
            var ids = Method switch
            {
                DecodingMethod.Beam => AnswerDecoding.Beam(generator, question, maxLength, BeamSize),
                DecodingMethod.Sample => AnswerDecoding.Sample(generator, question, maxLength, Temperature, TopK, random),
                _ => AnswerDecoding.Greedy(generator, question, maxLength),
            };
            var width = (int)ids.shape[1];
            var flat = ids.cpu().data<long>().ToArray();
            for (var row = 0; row < rows.Count; row++)
            {
                answers.Add(flat.Skip(row * width).Take(width).TakeWhile(id => id != Text.Vocabulary.Pad).ToArray());
            }
        }

        return answers;
    }

    /// <summary>A short description for headers: "greedy", "beam 4", "sample T=0.8 top-k 10".</summary>
    public override string ToString() => Method switch
    {
        DecodingMethod.Beam => $"beam {BeamSize}",
        DecodingMethod.Sample => $"sample T={Temperature} top-k {TopK}",
        _ => "greedy",
    };
}

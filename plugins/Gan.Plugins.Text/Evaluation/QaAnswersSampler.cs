using System.Globalization;
using System.Text;
using Gan.Abstractions;
using Gan.Plugins.Text.Networks;
using Gan.Plugins.Text.Training;
using TorchSharp;

namespace Gan.Plugins.Text.Evaluation;

/// <summary>
/// Writes the generator's answers to a fixed set of held-out questions next to the reference answers, as a text
/// artifact. Sampling uses a private random generator seeded from the experiment's seed, so rendering never
/// changes the training's random stream.
/// </summary>
internal sealed class QaAnswersSampler : ISampleRenderer
{
    private readonly QaAnswersSamplerOptions _options;
    private readonly int _seed;

    public QaAnswersSampler(QaAnswersSamplerOptions options, int seed)
    {
        _options = options;
        _seed = seed;
    }

    public IReadOnlyList<SampleArtifact> Render(ITrainingContext context)
    {
        var data = TextTraining.Data(context, "qa-answers");
        var generator = TextTraining.Generator(context, _options.Generator, "qa-answers");
        var pairs = data.Pairs(DataSplit.Validation).Take(_options.Count).ToList();
        var decoding = new DecodingSettings(_options.Decoding, _options.BeamSize, _options.Temperature, _options.TopK);
        using var random = new torch.Generator((ulong)_seed + 0x7E47, context.Device);
        var answers = decoding.Answer(generator, pairs.Select(p => p.Question).ToList(), context.Device, random: random);

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {context.StageName}, step {context.Step}, epoch {context.Epoch + 1}; decoding: {decoding}\n\n");
        for (var i = 0; i < pairs.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Q: {pairs[i].Source.Question}\n");
            text.Append(CultureInfo.InvariantCulture, $"reference: {pairs[i].Source.Answer}\n");
            text.Append(CultureInfo.InvariantCulture, $"generated: {data.Vocabulary.Decode(answers[i])}\n\n");
        }

        return [new SampleArtifact(_options.Key, "txt", Encoding.UTF8.GetBytes(text.ToString()))];
    }
}

using Gan.Abstractions;
using Gan.Plugins.Text.Data;
using Gan.Plugins.Text.Networks;
using TorchSharp;

namespace Gan.Plugins.Text.Tools;

/// <summary>
/// <c>gan answer</c>: loads a trained question-answer generator and answers questions from a file or standard input,
/// one per line, printing one answer per line. The vocabulary is rebuilt from the run's recorded data source
/// (it is a deterministic function of the data file, the options and the seed), so the data file must still exist.
/// </summary>
internal sealed class AnswerTool : GanTool<AnswerOptions>
{
    public override string Name => "answer";

    public override string Description =>
        "Answer questions with a trained question-answer generator (text plugin): one question per line from --file, "
        + "or from standard input until its end, one answer per line.";

    protected override async Task<int> RunAsync(AnswerOptions options, ToolContext context, CancellationToken cancellationToken)
    {
        var device = torch.device(options.Device);
        using var run = context.Models.Open(options.Source, device);
        var generator = run.Load<IGenerator>(options.Generator, "generator") as Seq2SeqGenerator ?? throw new GanInputException(
            $"The network '{options.Generator}' of {run.CheckpointFolder} is not a seq2seq-attention generator.");
        var data = run.CreateDataSource() as QaDataSource ?? throw new GanInputException(
            $"The run in {run.CheckpointFolder} was not trained on question-answer data (qa-pairs or squad).");
        await data.PrepareAsync(cancellationToken);

        var questions = options.File is { } file
            ? ReadQuestions(file)
            : null;
        using var random = new torch.Generator((ulong)options.Seed, device);
        if (questions is not null)
        {
            foreach (var answer in Answer(generator, data, options.Decoding, questions, device, random))
            {
                await context.Output.WriteLineAsync(answer);
            }

            return 0;
        }

        // Interactive or piped input: answer each line as it arrives.
        while (await context.Input.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            await context.Output.WriteLineAsync(Answer(generator, data, options.Decoding, [line.Trim()], device, random)[0]);
            await context.Output.FlushAsync(cancellationToken);
        }

        return 0;
    }

    private static List<string> Answer(Seq2SeqGenerator generator, QaDataSource data, DecodingSettings decoding, IReadOnlyList<string> questions, torch.Device device, torch.Generator random)
    {
        var ids = decoding.Answer(generator, questions.Select(data.EncodeQuestion).ToList(), device, random: random);
        return ids.Select(data.Vocabulary.Decode).ToList();
    }

    private static List<string> ReadQuestions(string file)
    {
        if (!File.Exists(file))
        {
            throw new GanInputException($"Question file {Path.GetFullPath(file)} does not exist.");
        }

        return File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    }
}

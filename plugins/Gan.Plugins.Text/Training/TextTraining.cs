using Gan.Abstractions;
using Gan.Plugins.Text.Data;
using Gan.Plugins.Text.Networks;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Plugins.Text.Training;

/// <summary>What the text trainers, metrics and samplers share: the data source check, the vocabulary check and the MLE loss.</summary>
internal static class TextTraining
{
    /// <summary>The experiment's data source as a question-answer source, or a clear error.</summary>
    public static QaDataSource Data(ITrainingContext context, string component) =>
        context.Data as QaDataSource ?? throw new GanInputException(
            $"'{component}' needs a question-answer data source (qa-pairs or squad), but the experiment's data is a {context.Data.GetType().Name}.");

    /// <summary>The generator under <paramref name="role"/> (its vocab_size is checked against the data by the engine: [FromData]).</summary>
    public static Seq2SeqGenerator Generator(ITrainingContext context, string role, string component)
    {
        var generator = context.Networks.Get<IGenerator>(role) as Seq2SeqGenerator ?? throw new GanInputException(
            $"'{component}' needs a seq2seq-attention generator as model.{role}.");
        return generator;
    }

    /// <summary>Logs the vocabulary as the run artifact <c>vocab.txt</c> (one token per line; line n is id n).</summary>
    public static void LogVocabulary(ITrainingContext context, QaDataSource data) =>
        context.Tracker.LogArtifact("vocab.txt", Encoding.UTF8.GetBytes(data.Vocabulary.ToText()));

    /// <summary>Mean cross-entropy per real answer token under teacher forcing (padding ignored).</summary>
    public static Tensor MleLoss(Seq2SeqGenerator generator, Tensor question, Tensor answer)
    {
        var logits = generator.TeacherForcedLogits(question, answer);
        // (B, La, V)
        return F.cross_entropy(logits.reshape(-1, logits.shape[2]), answer.reshape(-1), ignore_index: Text.Vocabulary.Pad);
    }

    /// <summary>Answers the generator writes for the discriminator and for the policy gradient, without gradients.</summary>
    public static Tensor FakeAnswers(Seq2SeqGenerator generator, Tensor question, FakeAnswerDecoding decoding, double temperature)
    {
        using var noGrad = no_grad();
        return decoding == FakeAnswerDecoding.Greedy
            ? AnswerDecoding.Greedy(generator, question, generator.Options.MaxAnswerLength)
            : AnswerDecoding.Sample(generator, question, generator.Options.MaxAnswerLength, temperature);
    }

    /// <summary>Share of real scores above and fake scores at or below the loss's decision threshold.</summary>
    public static double Accuracy(Tensor realScores, Tensor fakeScores, double threshold)
    {
        var correct = realScores.detach().gt(threshold).sum().add(fakeScores.detach().le(threshold).sum());
        return correct.item<long>() / (double)(realScores.numel() + fakeScores.numel());
    }
}

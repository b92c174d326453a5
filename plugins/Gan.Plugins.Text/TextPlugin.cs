using Gan.Abstractions;
using Gan.Plugins.Text.Data;
using Gan.Plugins.Text.Evaluation;
using Gan.Plugins.Text.Networks;
using Gan.Plugins.Text.Tools;
using Gan.Plugins.Text.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Gan.Plugins.Text;

/// <summary>
/// Entry point of the question-answer text plugin: the <c>qa-pairs</c> and <c>squad</c> data sources, the
/// <c>seq2seq-attention</c> generator, the <c>qa-pair-gru</c> discriminator, the <c>seq2seq-mle</c>,
/// <c>pair-discriminator</c> and <c>seqgan</c> trainers, the <c>qa-text-metrics</c> metric, the <c>qa-answers</c>
/// sampler and the <c>gan answer</c> command.
/// </summary>
public sealed class TextPlugin : IGanPlugin
{
    /// <inheritdoc />
    public void Configure(IServiceCollection services)
    {
        services.AddGanComponent<IDataSource, QaPairsDataOptions>(
            "qa-pairs",
            (context, options) => new QaDataSource(context, options, "qa-pairs", context.ResolveDataPath(options.Path),
                () => QaPairsReader.Read(context.ResolveDataPath(options.Path), options.Format)),
            "Question-answer pairs from a TSV or JSON Lines file, word vocabulary, held-out split from the seed.");
        services.AddGanComponent<IDataSource, SquadDataOptions>(
            "squad",
            (context, options) => new QaDataSource(context, options, "squad", context.ResolveDataPath(options.Path),
                () => SquadReader.Read(context.ResolveDataPath(options.Path), options.Unanswerable, options.UnanswerableAnswer)),
            "SQuAD v1.1/v2.0 JSON: each question with its first answer; unanswerable ones skipped or given a fixed answer.");
        services.AddGanComponent<IGenerator, Seq2SeqGeneratorOptions>(
            "seq2seq-attention",
            (_, options) => new Seq2SeqGenerator(options),
            "GRU encoder-decoder with Luong dot attention; Generate: question ids (B, Lq) → greedy answer ids (B, La).");
        services.AddGanComponent<IDiscriminator, PairDiscriminatorOptions>(
            "qa-pair-gru",
            (_, options) => new PairDiscriminator(options),
            "Scores packed (question <sep> answer) pairs: two GRU encoders and an MLP, one logit per pair.");
        services.AddGanComponent<ITrainer, Seq2SeqMleTrainerOptions>(
            "seq2seq-mle",
            (_, options) => new Seq2SeqMleTrainer(options),
            "Generator pre-training by maximum likelihood (teacher forcing, cross-entropy); logs loss and ppl.");
        services.AddGanComponent<ITrainer, PairDiscriminatorTrainerOptions>(
            "pair-discriminator",
            (_, options) => new PairDiscriminatorTrainer(options),
            "Discriminator pre-training: real pairs vs answers written by the frozen generator, with the experiment's loss.");
        services.AddGanComponent<ITrainer, SeqGanTrainerOptions>(
            "seqgan",
            (_, options) => new SeqGanTrainer(options),
            "Adversarial training by policy gradient (REINFORCE, discriminator probability as reward, moving baseline) + MLE term.");
        services.AddGanComponent<IMetric, QaTextMetricOptions>(
            "qa-text-metrics",
            (_, options) => new QaTextMetric(options),
            "Held-out corpus BLEU-1..4, perplexity, distinct-1/2 and answer length.");
        services.AddGanComponent<ISampleRenderer, QaAnswersSamplerOptions>(
            "qa-answers",
            (context, options) => new QaAnswersSampler(options, context.Seed),
            "Generated answers next to the references for a fixed set of held-out questions (.txt).");
        services.AddSingleton<IGanTool, AnswerTool>();
    }
}

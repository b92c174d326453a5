using Gan.Abstractions;
using Gan.Plugins.Text.Data;
using Gan.Plugins.Text.Networks;
using TorchSharp;

namespace Gan.Plugins.Text.Training;

/// <summary>
/// Maximum-likelihood pre-training of the generator: teacher forcing, cross-entropy over the answer tokens
/// (padding ignored). Reports <c>loss</c> (nats per token) and <c>ppl</c> = exp(loss).
/// </summary>
internal sealed class Seq2SeqMleTrainer : ITrainer
{
    private readonly Seq2SeqMleTrainerOptions _options;
    private Seq2SeqGenerator? _generator;
    private torch.optim.Optimizer? _optimizer;

    public Seq2SeqMleTrainer(Seq2SeqMleTrainerOptions options) => _options = options;

    public void Initialize(ITrainingContext context)
    {
        _generator = TextTraining.Generator(context, _options.Generator, "seq2seq-mle");
        _optimizer = context.Optimizers.Create(_options.Generator, _generator.parameters());
        TextTraining.LogVocabulary(context, TextTraining.Data(context, "seq2seq-mle"));
    }

    public IReadOnlyDictionary<string, double> Step(Batch batch, ITrainingContext context)
    {
        var generator = _generator!;
        _optimizer!.zero_grad();
        var loss = TextTraining.MleLoss(generator, batch[QaBatches.QuestionKey], batch[QaBatches.AnswerKey]);
        loss.backward();

        _optimizer.step();
        var value = loss.item<float>();
        return new Dictionary<string, double> { ["loss"] = value, ["ppl"] = Math.Exp(value) };
    }
}

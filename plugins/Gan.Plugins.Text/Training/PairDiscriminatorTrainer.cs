using Gan.Abstractions;
using Gan.Plugins.Text.Data;
using Gan.Plugins.Text.Networks;
using TorchSharp;

namespace Gan.Plugins.Text.Training;

/// <summary>
/// Pre-trains the pair discriminator: real (question, answer) pairs against the same questions with answers the
/// (frozen) generator writes, through the experiment's loss (<c>loss:</c>, e.g. minimax BCE). Reports
/// <c>d_loss</c>, <c>d_acc</c>, <c>d_real</c> and <c>d_fake</c> as the engine's adversarial trainer does.
/// </summary>
internal sealed class PairDiscriminatorTrainer : ITrainer
{
    private readonly PairDiscriminatorTrainerOptions _options;
    private Seq2SeqGenerator? _generator;
    private IDiscriminator? _discriminator;
    private torch.optim.Optimizer? _optimizer;

    public PairDiscriminatorTrainer(PairDiscriminatorTrainerOptions options) => _options = options;

    public void Initialize(ITrainingContext context)
    {
        _generator = TextTraining.Generator(context, _options.Generator, "pair-discriminator");
        _discriminator = context.Networks.Get<IDiscriminator>(_options.Discriminator);

        _optimizer = context.Optimizers.Create(_options.Discriminator, _discriminator.Module.parameters());
        TextTraining.LogVocabulary(context, TextTraining.Data(context, "pair-discriminator"));
    }

    public IReadOnlyDictionary<string, double> Step(Batch batch, ITrainingContext context)
    {
        var question = batch[QaBatches.QuestionKey];
        var fakeAnswer = TextTraining.FakeAnswers(_generator!, question, _options.FakeDecoding, _options.Temperature);
        return DiscriminatorUpdate.Run(_discriminator!, _optimizer!, context.Loss, question, batch[QaBatches.AnswerKey], fakeAnswer);
    }
}

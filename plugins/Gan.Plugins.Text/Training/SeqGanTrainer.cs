using Gan.Abstractions;
using Gan.Plugins.Text.Data;
using Gan.Plugins.Text.Networks;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Plugins.Text.Training;

/// <summary>
/// Adversarial training for discrete tokens by policy gradient, in the spirit of SeqGAN (Yu et al. 2017): answers are
/// sampled from the generator, the discriminator's probability that the (question, answer) pair is real,
/// sigmoid(D), is the reward, and REINFORCE with a moving-average baseline updates the generator:
/// L_pg = −Σ_t (r − b) log p(y_t | y_&lt;t, q) / (answer tokens). An MLE term on the real pairs (weight <c>mle_weight</c>)
/// is mixed in, as in MaliGAN/"teacher forcing" variants, to keep the language model from drifting.
/// </summary>
/// <remarks>
/// Chosen over Gumbel-softmax because the discriminator then scores real discrete answers (the same input as
/// during its pre-training) and no temperature annealing is needed. The reward is per sequence rather than
/// SeqGAN's Monte-Carlo rollouts per token: rollouts would multiply the cost of a step by the answer length, too
/// much for CPU training; the baseline carries the variance reduction instead.
/// </remarks>
internal sealed class SeqGanTrainer : ITrainer, IStatefulComponent
{
    private readonly SeqGanTrainerOptions _options;
    private Seq2SeqGenerator? _generator;
    private IDiscriminator? _discriminator;
    private optim.Optimizer? _generatorOptimizer;
    private optim.Optimizer? _discriminatorOptimizer;
    private int _discriminatorSteps = 1;
    private double _baseline = double.NaN;
    // Empty until the first generator update: the engine treats a non-finite value as divergence.
    private Dictionary<string, double> _lastGenerator = [];

    public SeqGanTrainer(SeqGanTrainerOptions options) => _options = options;

    /// <summary>The generator's loss here is the policy-gradient objective; the discriminator's are as in pre-training.</summary>
    public IReadOnlyList<PlayerPair> PlayerPairs { get; } = [new PlayerPair("", "d_loss", "g_loss", "d_acc")];

    /// <summary>The reward baseline and the last generator values (repeated on discriminator-only steps) carry across a resume.</summary>
    public void SaveState(ComponentState state)
    {
        state.Set("baseline", _baseline);
        foreach (var (key, value) in _lastGenerator)
        {
            state.Set("last/" + key, value);
        }
    }

    /// <inheritdoc />
    public void LoadState(ComponentState state)
    {
        _baseline = state.GetDouble("baseline");
        _lastGenerator = state.Values.Keys
            .Where(key => key.StartsWith("last/", StringComparison.Ordinal))
            .ToDictionary(key => key["last/".Length..], state.GetDouble, StringComparer.Ordinal);
    }

    public void Initialize(ITrainingContext context)
    {
        var data = TextTraining.Data(context, "seqgan");
        _generator = TextTraining.Generator(context, _options.Generator, "seqgan");
        _discriminator = context.Networks.Get<IDiscriminator>(_options.Discriminator);

        _generatorOptimizer = context.Optimizers.Create(_options.Generator, _generator.parameters());
        _discriminatorOptimizer = context.Optimizers.Create(_options.Discriminator, _discriminator.Module.parameters());
        _discriminatorSteps = _options.DiscriminatorSteps ?? context.Loss.DiscriminatorStepsPerGeneratorStep;
        TextTraining.LogVocabulary(context, data);
    }

    public IReadOnlyDictionary<string, double> Step(Batch batch, ITrainingContext context)
    {
        var generator = _generator!;
        var discriminator = _discriminator!;
        var question = batch[QaBatches.QuestionKey];
        var answer = batch[QaBatches.AnswerKey];

        // Discriminator update: real answers against answers sampled now.
        var sampled = TextTraining.FakeAnswers(generator, question, FakeAnswerDecoding.Sample, _options.Temperature);
        var values = DiscriminatorUpdate.Run(discriminator, _discriminatorOptimizer!, context.Loss, question, answer, sampled);

        // Generator update every k-th step: REINFORCE on the sampled answers, rewarded by the updated discriminator.
        if (context.Step % _discriminatorSteps == 0)
        {
            _lastGenerator = GeneratorUpdate(generator, discriminator, question, answer, sampled);
        }

        foreach (var (key, value) in _lastGenerator)
        {
            values[key] = value;
        }

        return values;
    }

    private Dictionary<string, double> GeneratorUpdate(Seq2SeqGenerator generator, IDiscriminator discriminator, Tensor question, Tensor answer, Tensor sampled)
    {
        Tensor reward;
        using (no_grad())
        {
            reward = sigmoid(discriminator.Score(PairPacking.Pack(question, sampled)));
            // (B): the discriminator's probability that each sampled pair is real
        }

        var meanReward = reward.mean().item<float>();
        _baseline = double.IsNaN(_baseline) ? meanReward : (_options.BaselineDecay * _baseline) + ((1 - _options.BaselineDecay) * meanReward);
        var advantage = reward - _baseline;

        _generatorOptimizer!.zero_grad();
        var logits = generator.TeacherForcedLogits(question, sampled);
        // (B, La, V)
        var tokenLogProbs = F.log_softmax(logits, dim: -1).gather(2, sampled.unsqueeze(2)).squeeze(2);
        // (B, La)
        var mask = sampled.ne(Text.Vocabulary.Pad).to(tokenLogProbs.dtype);
        var policyLoss = -(advantage.unsqueeze(1) * tokenLogProbs * mask).sum() / mask.sum().clamp_min(1);
        var mleLoss = TextTraining.MleLoss(generator, question, answer);
        var loss = (_options.AdversarialWeight * policyLoss) + (_options.MleWeight * mleLoss);
        loss.backward();

        _generatorOptimizer.step();
        return new Dictionary<string, double>
        {
            ["g_loss"] = loss.item<float>(),
            ["pg_loss"] = policyLoss.item<float>(),
            ["mle_loss"] = mleLoss.item<float>(),
            ["reward"] = meanReward,
            ["baseline"] = _baseline,
        };
    }
}

using Gan.Abstractions;
using Gan.Plugins.Text.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Plugins.Text.Training;

/// <summary>One discriminator step on real and generated answers to the same questions, shared by the pre-training and SeqGAN trainers.</summary>
internal static class DiscriminatorUpdate
{
    /// <summary>Updates <paramref name="discriminator"/> and returns d_loss, d_acc, d_real and d_fake.</summary>
    public static Dictionary<string, double> Run(
        IDiscriminator discriminator, optim.Optimizer optimizer, ILossStrategy loss, Tensor question, Tensor realAnswer, Tensor fakeAnswer)
    {
        optimizer.zero_grad();
        var real = PairPacking.Pack(question, realAnswer);
        var fake = PairPacking.Pack(question, fakeAnswer);
        var realScores = discriminator.Score(real);
        var fakeScores = discriminator.Score(fake);
        var value = loss.DiscriminatorLoss(new DiscriminatorLossInput(realScores, fakeScores, real, fake, discriminator));
        value.backward();
        optimizer.step();
        loss.AfterDiscriminatorStep(discriminator);
        return new Dictionary<string, double>
        {
            ["d_loss"] = value.item<float>(),
            ["d_acc"] = TextTraining.Accuracy(realScores, fakeScores, loss.DecisionThreshold),
            ["d_real"] = realScores.mean().item<float>(),
            ["d_fake"] = fakeScores.mean().item<float>(),
        };
    }
}

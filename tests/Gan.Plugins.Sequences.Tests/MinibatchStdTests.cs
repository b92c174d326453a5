using Gan.Plugins.Sequences.Networks;
using TorchSharp;

namespace Gan.Plugins.Sequences.Tests;

public sealed class MinibatchStdTests
{
    private static LstmDiscriminator Discriminator(bool minibatchStd)
    {
        torch.manual_seed(5);
        return new LstmDiscriminator(new LstmDiscriminatorOptions { HiddenSize = 4, NumLayers = 1, MinibatchStd = minibatchStd });
    }

    [Fact]
    public void With_minibatch_std_a_sequences_score_depends_on_the_spread_of_its_batch()
    {
        using var scope = torch.NewDisposeScope();
        using var discriminator = Discriminator(minibatchStd: true);
        var sequence = torch.randn(1, 8, 1);
        var diverse = torch.cat([sequence, torch.randn(3, 8, 1)], 0);
        var collapsed = sequence.expand(4, -1, -1);

        var inDiverse = discriminator.Score(diverse)[0];
        var inCollapsed = discriminator.Score(collapsed)[0];

        Assert.Equal([4L, 8], discriminator.Score(diverse).shape);
        Assert.False(inDiverse.allclose(inCollapsed), "the batch's spread is an input");
    }

    [Fact]
    public void Without_minibatch_std_every_sequence_is_scored_alone()
    {
        using var scope = torch.NewDisposeScope();
        using var discriminator = Discriminator(minibatchStd: false);
        var sequence = torch.randn(1, 8, 1);

        var alone = discriminator.Score(sequence)[0];
        var inBatch = discriminator.Score(torch.cat([sequence, torch.randn(3, 8, 1)], 0))[0];

        Assert.True(alone.allclose(inBatch, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Identical_batches_and_single_sequences_keep_gradients_finite()
    {
        using var scope = torch.NewDisposeScope();
        using var discriminator = Discriminator(minibatchStd: true);
        var identical = torch.ones(4, 8, 1).requires_grad_();
        var single = torch.ones(1, 8, 1).requires_grad_();

        discriminator.Score(identical).sum().backward();
        discriminator.Score(single).sum().backward();

        Assert.True(identical.grad!.isfinite().all().item<bool>());
        Assert.True(single.grad!.isfinite().all().item<bool>());
    }
}

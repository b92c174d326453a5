using Gan.Abstractions;
using Gan.Plugins.Sequences.Networks;
using TorchSharp;

namespace Gan.Plugins.Sequences.Tests;

public sealed class SequenceLatentTests
{
    private static LstmGenerator Generator(SequenceLatent mode, bool feedback = false) => new(new LstmGeneratorOptions
    {
        SequenceLength = 10,
        NoiseDim = 3,
        HiddenSize = 6,
        NumLayers = 2,
        Output = OutputActivation.Linear,
        SequenceLatent = mode,
        Feedback = feedback,
    });

    [Theory]
    [InlineData(SequenceLatent.InitialState, false)]
    [InlineData(SequenceLatent.Input, false)]
    [InlineData(SequenceLatent.InitialState, true)]
    [InlineData(SequenceLatent.Input, true)]
    public void Per_sequence_code_is_row_0_of_the_latent_and_changes_the_whole_sequence(SequenceLatent mode, bool feedback)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(11);
        using var generator = Generator(mode, feedback);

        var latent = ((IGenerator)generator).SampleLatent(4, torch.CPU);
        var other = latent.clone();
        other[.., 0] = torch.randn(4, 3);
        // Same per-step noise, another per-sequence code.
        var sequences = generator.Generate(latent);
        var changed = generator.Generate(other);

        Assert.Equal([4L, 11, 3], latent.shape);
        Assert.Equal([4L, 10, 1], sequences.shape);
        // Every step differs, the first included: the code reaches the sequence from its start.
        Assert.True((sequences - changed).abs().amin([0L, 2]).min().item<float>() > 0f);
        Assert.True(generator.Generate(latent).allclose(sequences, rtol: 0, atol: 0), "deterministic for a given latent");
        sequences.sum().backward();
        Assert.All(generator.parameters(), p => Assert.NotNull(p.grad));
    }

    [Fact]
    public void Without_a_code_the_latent_stays_per_step_noise_only()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = Generator(SequenceLatent.None);

        Assert.Equal([10L, 3], ((IGenerator)generator).LatentShape!);
        Assert.Equal([2L, 10, 1], generator.Generate(torch.randn(2, 10, 3)).shape);
    }

    [Fact]
    public void Initial_state_code_adds_one_linear_map_to_both_states_of_every_layer()
    {
        using var scope = torch.NewDisposeScope();
        using var plain = Generator(SequenceLatent.None);
        using var coded = Generator(SequenceLatent.InitialState);

        // 3 → 2 states · 2 layers · 6 units, with bias.
        Assert.Equal((3 * 24) + 24, coded.parameters().Sum(p => p.numel()) - plain.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Linear_output_reaches_beyond_the_unit_interval_that_tanh_cannot()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = Generator(SequenceLatent.None);
        using (torch.no_grad())
        {
            foreach (var parameter in generator.parameters())
            {
                parameter.fill_(0.5);
            }
        }

        Assert.True(generator.Generate(torch.ones(1, 10, 3)).max().item<float>() > 1f);
    }
}

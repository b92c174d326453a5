using Gan.Plugins.Text.Networks;
using static TorchSharp.torch;

namespace Gan.Plugins.Text.Tests;

[Collection(TorchCollection.Name)]
public sealed class CategoricalSamplingTests
{
    [Fact]
    public void Draws_follow_the_probabilities_and_never_pick_an_impossible_entry()
    {
        using var scope = NewDisposeScope();
        const int Rows = 40_000;
        double[] probabilities = [0.1, 0.0, 0.6, 0.3, 0.0];
        var rows = tensor(probabilities.Select(p => (float)p).ToArray()).unsqueeze(0).expand(Rows, -1).contiguous();
        using var random = new Generator(11);

        var drawn = CategoricalSampling.Draw(rows, random);

        Assert.Equal([(long)Rows], drawn.shape);
        Assert.Equal(ScalarType.Int64, drawn.dtype);
        var counts = bincount(drawn, minlength: probabilities.Length).data<long>().ToArray();
        Assert.Equal(0, counts[1]);
        Assert.Equal(0, counts[4]);
        for (var i = 0; i < probabilities.Length; i++)
        {
            // Four standard deviations of a binomial share at 40,000 draws is at most 0.01.
            Assert.InRange(counts[i] / (double)Rows, probabilities[i] - 0.01, probabilities[i] + 0.01);
        }
    }

    [Fact]
    public void Rows_draw_independently_from_their_own_distribution()
    {
        using var scope = NewDisposeScope();
        var rows = tensor(new float[,] { { 0, 0, 1 }, { 1, 0, 0 }, { 0, 1, 0 } });

        var drawn = CategoricalSampling.Draw(rows).data<long>().ToArray();

        Assert.Equal([2L, 0, 1], drawn);
    }

    [Fact]
    public void The_same_generator_seed_gives_the_same_draws()
    {
        using var scope = NewDisposeScope();
        var rows = softmax(randn(64, 1000), -1);

        using var first = new Generator(5);
        using var second = new Generator(5);

        Assert.Equal(CategoricalSampling.Draw(rows, first).data<long>().ToArray(), CategoricalSampling.Draw(rows, second).data<long>().ToArray());
    }
}

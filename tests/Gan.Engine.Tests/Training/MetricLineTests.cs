using Gan.Engine.Training;

namespace Gan.Engine.Tests.Training;

public sealed class MetricLineTests
{
    [Fact]
    public void An_mnist_quality_evaluation_fits_one_line_with_the_class_histogram_counted()
    {
        var values = new Dictionary<string, double> { ["quality/fid"] = 78.812, ["quality/inception_score"] = 5.4321 };
        for (var digit = 0; digit < 10; digit++)
        {
            values[$"quality/class_{digit}"] = 0.1;
        }

        values["quality/classes_covered"] = 10;

        Assert.Equal("quality: fid 78.81 · inception_score 5.432 · class_0..9: 10 values · classes_covered 10", MetricLine.Format(values));
    }

    [Fact]
    public void Many_keys_are_cut_with_a_count_of_the_rest()
    {
        var values = Enumerable.Range(0, 40).ToDictionary(i => $"muse/{(char)('a' + i % 26)}{i}/piano", i => (double)i);

        var line = MetricLine.Format(values);

        Assert.StartsWith("muse: a0/piano 0 · b1/piano 1", line, StringComparison.Ordinal);
        Assert.EndsWith("· +32 more in the run", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_without_a_shared_prefix_are_listed_whole()
    {
        Assert.Equal("bleu_4 0.25 · perplexity 12.5", MetricLine.Format(new Dictionary<string, double> { ["bleu_4"] = 0.25, ["perplexity"] = 12.5 }));
    }
}

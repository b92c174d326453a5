using Gan.Engine.Health;
using static TorchSharp.torch;

namespace Gan.Engine.Tests.Health;

public sealed class HealthUnitTests
{
    [Fact]
    public void Windowed_condition_reports_the_first_step_of_the_window_once()
    {
        var high = new WindowedCondition(3, (_, mean) => mean >= 0.9);
        var started = new List<long>();
        double[] accuracy = [0.5, 1, 1, 1, 1, 1];
        for (var step = 1; step <= accuracy.Length; step++)
        {
            if (high.Add(step, accuracy[step - 1]))
            {
                started.Add(step);
            }
        }

        // Window (2, 3, 4) is the first whose mean reaches 0.9: reported once, at step 4, as "since step 2".
        Assert.Equal([4L], started);
        Assert.Equal(2, high.Since);
    }

    [Fact]
    public void Sample_diversity_is_the_mean_distance_over_distinct_pairs()
    {
        // Points (0,0), (3,0), (0,4): distances 3, 4, 5; mean 4.
        using var samples = tensor(new float[] { 0, 0, 3, 0, 0, 4 }).reshape(3, 2);

        Assert.Equal(4.0, SampleDiversity.MeanPairwiseDistance(samples), 6);
    }
}

using Gan.Plugins.Sequences.Metrics;
using TorchSharp;

namespace Gan.Plugins.Sequences.Tests;

public sealed class SequenceStatisticsTests
{
    private static torch.Tensor Sines(double[] frequencies, double amplitude, int length) =>
        torch.tensor(frequencies.SelectMany(f => Enumerable.Range(0, length).Select(t => (float)(amplitude * Math.Sin((2 * Math.PI * f * t) + 0.3)))).ToArray())
            .reshape(frequencies.Length, length);

    [Fact]
    public void Dominant_frequency_is_found_between_dft_bins()
    {
        using var sines = Sines([0.037, 0.061, 0.2], 1, 64);

        var found = SequenceStatistics.DominantFrequencies(sines);

        // Plain 64-point DFT bins are 1/64 ≈ 0.0156 apart; the padded periodogram resolves 1/512.
        Assert.Equal(0.037, found[0], 0.003);
        Assert.Equal(0.061, found[1], 0.003);
        Assert.Equal(0.2, found[2], 0.003);
    }

    [Fact]
    public void Amplitude_of_a_sine_over_whole_periods_is_its_amplitude()
    {
        using var sines = Sines([0.125], 3, 64);

        Assert.Equal(3, SequenceStatistics.Amplitudes(sines)[0], 3);
    }

    [Fact]
    public void Wasserstein_distance_of_shifted_samples_is_the_shift_and_zero_for_equal_ones()
    {
        double[] a = [1, 2, 3, 4];

        Assert.Equal(0, SequenceStatistics.Wasserstein1(a, a), 12);
        Assert.Equal(0.5, SequenceStatistics.Wasserstein1(a, a.Select(v => v + 0.5).ToArray()), 12);
        // Unequal sizes: {0} against {0, 1} is 0.5.
        Assert.Equal(0.5, SequenceStatistics.Wasserstein1([0.0], [0.0, 1.0]), 12);
    }

    [Fact]
    public void Mmd_is_near_zero_for_one_distribution_and_large_for_different_ones()
    {
        torch.manual_seed(1);
        using var a = torch.randn(64, 16);
        using var b = torch.randn(64, 16);
        using var c = torch.randn(64, 16) + 2;

        var same = SequenceStatistics.Mmd2(a, b);
        var different = SequenceStatistics.Mmd2(a, c);

        Assert.InRange(same, -0.05, 0.05);
        Assert.True(different > 10 * Math.Abs(same) && different > 0.1, $"same {same}, different {different}");
    }
}

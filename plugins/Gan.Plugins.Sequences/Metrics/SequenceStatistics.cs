using static TorchSharp.torch;

namespace Gan.Plugins.Sequences.Metrics;

/// <summary>Per-sequence summaries compared between real and generated data.</summary>
internal static class SequenceStatistics
{
    /// <summary>Zero-padding factor of the periodogram: frequencies are resolved to 1/(8T) instead of the DFT's 1/T.</summary>
    private const int Padding = 8;

    /// <summary>
    /// The dominant frequency of each row of <paramref name="sequences"/> (N, T), in cycles per step: the peak of the
    /// periodogram of the mean-removed sequence, zero-padded to 8T points. The zero frequency is excluded.
    /// </summary>
    public static double[] DominantFrequencies(Tensor sequences)
    {
        using var scope = NewDisposeScope();
        var length = sequences.shape[1];
        var centred = sequences - sequences.mean([1L], keepdim: true);
        // (N, T)
        var spectrum = fft.rfft(centred, length * Padding, 1, TorchSharp.FFTNormType.Backward).abs();
        // (N, 4T + 1), bin k is frequency k / (8T)
        var peak = spectrum.narrow(1, 1, spectrum.shape[1] - 1).argmax(1) + 1;
        return peak.to(ScalarType.Float64).div(length * Padding).data<double>().ToArray();
    }

    /// <summary>The amplitude of each row, √2 · standard deviation: exactly A for a sine of amplitude A over whole periods, and robust to noise spikes.</summary>
    public static double[] Amplitudes(Tensor sequences)
    {
        using var std = sequences.to(ScalarType.Float64).std(1, unbiased: false, keepdim: false);
        return std.mul(Math.Sqrt(2)).data<double>().ToArray();
    }

    /// <summary>
    /// The 1-D Wasserstein-1 distance between two empirical distributions: the area between their CDFs
    /// (sizes may differ).
    /// </summary>
    public static double Wasserstein1(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return double.NaN;
        }

        var sa = a.Order().ToArray();
        var sb = b.Order().ToArray();
        var all = sa.Concat(sb).Order().ToArray();
        double distance = 0;
        int ia = 0, ib = 0;
        for (var k = 0; k < all.Length - 1; k++)
        {
            while (ia < sa.Length && sa[ia] <= all[k])
            {
                ia++;
            }

            while (ib < sb.Length && sb[ib] <= all[k])
            {
                ib++;
            }

            distance += Math.Abs(((double)ia / sa.Length) - ((double)ib / sb.Length)) * (all[k + 1] - all[k]);
        }

        return distance;
    }

    /// <summary>
    /// Unbiased squared maximum mean discrepancy (Gretton et al. 2012) between rows of <paramref name="x"/> (N, T) and
    /// <paramref name="y"/> (M, T), Gaussian kernel exp(-d²/(2σ²)) with σ the median pairwise distance of the pooled sample.
    /// </summary>
    public static double Mmd2(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var xs = x.to(ScalarType.Float64);
        var ys = y.to(ScalarType.Float64);
        var pooled = cat([xs, ys], 0);
        var distances = cdist(pooled, pooled, 2.0, TorchSharp.compute_mode.donot_use_mm_for_euclid_dist);
        // (N + M, N + M)
        var n = xs.shape[0];
        var m = ys.shape[0];
        var offDiagonal = distances.masked_select(eye(n + m, dtype: ScalarType.Bool).logical_not());
        var sigma = offDiagonal.median().item<double>();
        var kernel = distances.pow(2).div(-2 * Math.Max(sigma * sigma, 1e-12)).exp();
        var kxx = kernel.narrow(0, 0, n).narrow(1, 0, n);
        var kyy = kernel.narrow(0, n, m).narrow(1, n, m);
        var kxy = kernel.narrow(0, 0, n).narrow(1, n, m);
        // Diagonal terms (all 1) removed for the unbiased estimate.
        var xx = (kxx.sum().item<double>() - n) / (n * (n - 1.0));
        var yy = (kyy.sum().item<double>() - m) / (m * (m - 1.0));
        var xy = kxy.mean().item<double>();
        return xx + yy - (2 * xy);
    }
}

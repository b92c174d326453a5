using static TorchSharp.torch;

namespace Gan.Plugins.Text.Networks;

/// <summary>
/// One draw per row from a categorical distribution, by inverting its cumulative distribution: a uniform number per
/// row located in the row's running sum. Exactly the distribution <c>multinomial(probs, 1)</c> draws from.
/// </summary>
/// <remarks>
/// Why not <c>multinomial</c>: libtorch 2.10 draws one sample by dividing the probabilities by exponential noise
/// (<c>exponential_</c> on the whole (B, V) matrix), one scalar <c>log1p</c> and one 64-bit random number per
/// vocabulary entry; sampling a 25-token answer for a batch of 32 over 1,000 words spent a quarter of the QA
/// discriminator's step there (perf, docs/performance.md). This needs one random number per row and a running sum.
/// </remarks>
public static class CategoricalSampling
{
    /// <summary>Draws one index per row of <paramref name="probabilities"/> (B, V), each row non-negative with a positive sum; returns (B) int64.</summary>
    public static Tensor Draw(Tensor probabilities, Generator? random = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        using var scope = NewDisposeScope();
        var cumulative = probabilities.cumsum(-1);
        // (B, V)
        var total = cumulative.narrow(-1, cumulative.shape[^1] - 1, 1);
        // (B, 1): 1 up to rounding, which scaling the uniform by it absorbs
        var uniform = rand([probabilities.shape[0], 1], dtype: cumulative.dtype, device: cumulative.device, generator: random);
        // In (0, total]: a zero draw would land on a leading zero-probability entry.
        var target = uniform.neg().add(1).mul(total);
        var index = searchsorted(cumulative, target).squeeze(-1);
        // (B): the first entry whose running sum reaches the target, so entries of probability 0 are never drawn
        return index.clamp_max(probabilities.shape[^1] - 1).MoveToOuterDisposeScope();
    }
}

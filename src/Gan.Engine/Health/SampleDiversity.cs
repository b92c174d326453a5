using static TorchSharp.torch;

namespace Gan.Engine.Health;

/// <summary>The mean pairwise Euclidean distance between samples: near 0 when a generator has collapsed.</summary>
internal static class SampleDiversity
{
    /// <summary>Mean distance over all distinct pairs of the samples (N, ...), N ≥ 2.</summary>
    public static double MeanPairwiseDistance(Tensor samples)
    {
        using var scope = NewDisposeScope();
        var flat = samples.flatten(1).to_type(ScalarType.Float64);
        var count = flat.shape[0];
        var distances = cdist(flat, flat);
        // The diagonal is zero: the sum over the matrix counts each distinct pair twice.
        return distances.sum().item<double>() / (count * (count - 1));
    }
}

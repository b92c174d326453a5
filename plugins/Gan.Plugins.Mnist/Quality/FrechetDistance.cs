using static TorchSharp.torch;

namespace Gan.Plugins.Mnist.Quality;

/// <summary>
/// The Fréchet distance between two Gaussians fitted to feature sets (Heusel et al. 2017):
/// ‖μ₁ − μ₂‖² + Tr(Σ₁) + Tr(Σ₂) − 2·Tr((Σ₁^½ Σ₂ Σ₁^½)^½). Hand-written because TorchSharp has no sqrtm; the
/// square roots come from eigen-decompositions of symmetric matrices (torch.linalg.eigh) in float64, which
/// is exact up to rounding for the PSD covariances here, unlike scipy's general sqrtm.
/// </summary>
internal static class FrechetDistance
{
    /// <summary>The distance between the Gaussians fitted to <paramref name="first"/> and <paramref name="second"/> (N, D).</summary>
    public static double Between(Tensor first, Tensor second)
    {
        using var scope = NewDisposeScope();
        var (mean1, covariance1) = Statistics(first);
        var (mean2, covariance2) = Statistics(second);
        return FromStatistics(mean1, covariance1, mean2, covariance2);
    }

    /// <summary>Mean (D) and unbiased covariance (D, D) of features (N, D), in float64.</summary>
    public static (Tensor Mean, Tensor Covariance) Statistics(Tensor features)
    {
        var x = features.to_type(ScalarType.Float64);
        var mean = x.mean([0]);
        var centred = x - mean;
        var covariance = centred.T.matmul(centred) / (x.shape[0] - 1);
        return (mean, covariance);
    }

    /// <summary>The distance from Gaussian statistics (float64).</summary>
    public static double FromStatistics(Tensor mean1, Tensor covariance1, Tensor mean2, Tensor covariance2)
    {
        using var scope = NewDisposeScope();
        var meanTerm = (mean1 - mean2).pow(2).sum();
        var root1 = SymmetricSquareRoot(covariance1);
        var product = root1.matmul(covariance2).matmul(root1);
        // Σ₁^½ Σ₂ Σ₁^½ is symmetric PSD, so Tr of its square root is the sum of the roots of its eigenvalues.
        var traceOfRoot = Eigenvalues(product).clamp_min(0).sqrt().sum();
        var distance = meanTerm + covariance1.trace() + covariance2.trace() - (2 * traceOfRoot);
        return distance.item<double>();
    }

    /// <summary>A^½ of a symmetric positive semi-definite matrix, from A = V·diag(λ)·Vᵀ.</summary>
    public static Tensor SymmetricSquareRoot(Tensor matrix)
    {
        var symmetric = (matrix + matrix.T) / 2;
        var (values, vectors) = linalg.eigh(symmetric);
        return vectors.matmul(diag(values.clamp_min(0).sqrt())).matmul(vectors.T);
    }

    private static Tensor Eigenvalues(Tensor matrix) => linalg.eigvalsh((matrix + matrix.T) / 2);
}

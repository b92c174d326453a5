using Gan.Plugins.Mnist.Quality;
using static TorchSharp.torch;

namespace Gan.Plugins.Mnist.Tests.Quality;

public sealed class FrechetDistanceTests
{
    [Fact]
    public void Symmetric_square_root_of_a_known_matrix_squares_back()
    {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1: its root is [[(√3+1)/2, (√3−1)/2], [(√3−1)/2, (√3+1)/2]].
        using var matrix = tensor(new double[] { 2, 1, 1, 2 }).reshape(2, 2);
        using var root = FrechetDistance.SymmetricSquareRoot(matrix);

        var values = root.data<double>().ToArray();
        Assert.Equal((Math.Sqrt(3) + 1) / 2, values[0], 10);
        Assert.Equal((Math.Sqrt(3) - 1) / 2, values[1], 10);
    }

    [Fact]
    public void Distance_from_statistics_matches_the_closed_form()
    {
        // Σ₁ = [[2,1],[1,2]], Σ₂ = 4Σ₁ (they commute): (Σ₁^½ Σ₂ Σ₁^½)^½ = 2Σ₁, so
        // FID = ‖μ₁−μ₂‖² + Tr Σ₁ + 4 Tr Σ₁ − 4 Tr Σ₁ = ‖(1, 2)‖² + Tr Σ₁ = 5 + 4 = 9.
        using var mean1 = tensor(new double[] { 0, 0 });
        using var mean2 = tensor(new double[] { 1, 2 });
        using var covariance1 = tensor(new double[] { 2, 1, 1, 2 }).reshape(2, 2);
        using var covariance2 = covariance1 * 4;

        Assert.Equal(9.0, FrechetDistance.FromStatistics(mean1, covariance1, mean2, covariance2), 8);
    }

    [Fact]
    public void Diagonal_covariances_give_the_textbook_value()
    {
        // Σ₁ = diag(1, 4), Σ₂ = diag(4, 1): Tr((Σ₁^½Σ₂Σ₁^½)^½) = Tr(diag(2, 2)) = 4; FID = 0 + 5 + 5 − 8 = 2.
        using var mean = zeros(2, dtype: ScalarType.Float64);
        using var covariance1 = diag(tensor(new double[] { 1, 4 }));
        using var covariance2 = diag(tensor(new double[] { 4, 1 }));

        Assert.Equal(2.0, FrechetDistance.FromStatistics(mean, covariance1, mean, covariance2), 8);
    }

    [Fact]
    public void Identical_feature_sets_are_at_distance_zero()
    {
        using var random = new TorchSharp.torch.Generator(3);
        using var features = randn([500, 16], generator: random);

        Assert.Equal(0.0, FrechetDistance.Between(features, features), 6);
    }

    [Fact]
    public void Shifted_gaussian_features_are_at_the_squared_shift()
    {
        // Shifting every sample leaves the covariance exactly as it was: FID = ‖shift‖² = 9 + 16 = 25.
        using var random = new TorchSharp.torch.Generator(4);
        using var features = randn([400, 2], generator: random, dtype: ScalarType.Float64);
        using var shifted = features + tensor(new double[] { 3, 4 });

        Assert.Equal(25.0, FrechetDistance.Between(features, shifted), 6);
    }

    [Fact]
    public void Inception_style_score_is_one_for_one_class_and_the_class_count_for_confident_even_use()
    {
        using var oneClass = log(tensor(new double[] { 1, 1e-30, 1, 1e-30 }).reshape(2, 2));
        using var twoClasses = log(tensor(new double[] { 1, 1e-30, 1e-30, 1 }).reshape(2, 2));

        Assert.Equal(1.0, InceptionStyleScore.FromLogProbabilities(oneClass), 6);
        Assert.Equal(2.0, InceptionStyleScore.FromLogProbabilities(twoClasses), 6);
    }
}

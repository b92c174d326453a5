using static TorchSharp.torch;

namespace Gan.Plugins.Mnist.Quality;

/// <summary>
/// The Inception Score's formula (Salimans et al. 2016) with the MNIST classifier in Inception's place:
/// exp(E_x KL(p(y|x) ‖ p(y))). 1 when every image gets the same prediction, 10 at most (ten confident,
/// evenly used classes).
/// </summary>
internal static class InceptionStyleScore
{
    /// <summary>The score from class log-probabilities (N, C).</summary>
    public static double FromLogProbabilities(Tensor logProbabilities)
    {
        using var scope = NewDisposeScope();
        var logP = logProbabilities.to_type(ScalarType.Float64);
        var marginal = logP.exp().mean([0]);
        var logMarginal = marginal.clamp_min(1e-12).log();
        var kl = (logP.exp() * (logP - logMarginal)).sum(1);
        return Math.Exp(kl.mean().item<double>());
    }
}

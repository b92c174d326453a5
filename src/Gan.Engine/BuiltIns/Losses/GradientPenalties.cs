using Gan.Abstractions;
using static TorchSharp.torch;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>
/// Penalties on the discriminator's input gradient. The gradient is taken with <c>create_graph</c>, so the
/// penalty is itself differentiable with respect to the discriminator's parameters and its
/// <c>backward()</c> trains them, as in the reference implementations.
/// </summary>
internal static class GradientPenalties
{
    /// <summary>
    /// WGAN-GP (Gulrajani et al. 2017, Algorithm 1): λ·E[(‖∇D(x̂)‖₂ − 1)²] with x̂ = εx + (1 − ε)x̃,
    /// ε ~ U[0, 1] drawn per sample.
    /// </summary>
    public static Tensor WassersteinGradientPenalty(IDiscriminator discriminator, Tensor real, Tensor fake, double lambda)
    {
        RequireContinuous(real, "wgan-gp");
        var epsilonShape = new long[real.dim()];
        Array.Fill(epsilonShape, 1L);
        epsilonShape[0] = real.shape[0];
        var epsilon = rand(epsilonShape, dtype: real.dtype, device: real.device);
        var interpolates = (epsilon * real.detach() + (1 - epsilon) * fake.detach()).requires_grad_(true);
        var norms = InputGradient(discriminator, interpolates).flatten(1).pow(2).sum(1).add(1e-12).sqrt();
        return norms.sub(1).pow(2).mean().mul(lambda);
    }

    /// <summary>R1 (Mescheder et al. 2018, eq. 9): γ/2·E[‖∇D(x)‖²] on real samples.</summary>
    public static Tensor R1(IDiscriminator discriminator, Tensor real, double gamma)
    {
        RequireContinuous(real, "r1_gamma");
        var points = real.detach().requires_grad_(true);
        var squaredNorms = InputGradient(discriminator, points).flatten(1).pow(2).sum(1);
        return squaredNorms.mean().mul(gamma / 2);
    }

    /// <summary>∇ₓ of the sum of the discriminator's scores (one score per sample or per patch).</summary>
    private static Tensor InputGradient(IDiscriminator discriminator, Tensor points)
    {
        var scores = discriminator.Score(points);
        return autograd.grad([scores], [points], [ones_like(scores)], retain_graph: true, create_graph: true)[0];
    }

    private static void RequireContinuous(Tensor samples, string option)
    {
        if (!samples.is_floating_point())
        {
            throw new GanInputException(
                $"'{option}' needs the discriminator's input gradient, but the samples are {samples.dtype} (discrete). " +
                "Use a loss without a gradient penalty for this domain.");
        }
    }
}

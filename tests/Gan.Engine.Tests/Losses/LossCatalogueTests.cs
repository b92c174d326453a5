using Gan.Abstractions;
using Gan.Engine.BuiltIns.Losses;
using Gan.Engine.Tests.Infrastructure;
using static TorchSharp.torch;

namespace Gan.Engine.Tests.Losses;

/// <summary>
/// Every loss against values worked out by hand on the same fixed scores:
/// real logits r = [2, −1], fake logits f = [0.5, −2].
/// softplus(x) = ln(1 + eˣ): softplus(2) = 2.126928, softplus(−1) = 0.313262, softplus(0.5) = 0.974077,
/// softplus(−2) = 0.126928. BCE-with-logits(x, t) = softplus(x) − t·x.
/// In the in-process training collection because the critics' initialisation and the WGAN-GP interpolation
/// draw from torch's process-global random stream, which seeded runs must own.
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class LossCatalogueTests
{
    private const int Precision = 5;

    [Fact]
    public void Minimax_discriminator_loss_is_the_sum_of_the_real_and_fake_bce_halves()
    {
        var loss = new MinimaxLoss(new MinimaxLossOptions());

        // real: mean(2.126928 − 2, 0.313262 + 1) = mean(0.126928, 1.313262) = 0.720095
        // fake: mean(0.974077, 0.126928) = 0.550503;  sum = 1.270598
        Assert.Equal(1.270598, DiscriminatorLoss(loss), Precision);
    }

    [Fact]
    public void Minimax_label_smoothing_moves_only_the_real_target()
    {
        var loss = new MinimaxLoss(new MinimaxLossOptions { LabelSmoothing = 0.1 });

        // real target 0.9: mean(2.126928 − 1.8, 0.313262 + 0.9) = mean(0.326928, 1.213262) = 0.770095
        // fake unchanged 0.550503;  sum = 1.320598
        Assert.Equal(1.320598, DiscriminatorLoss(loss), Precision);
    }

    [Fact]
    public void Minimax_generator_is_non_saturating_by_default_and_saturating_on_request()
    {
        using var fake = FakeScores();

        // non-saturating: mean(softplus(f) − f) = mean(0.974077 − 0.5, 0.126928 + 2) = mean(0.474077, 2.126928) = 1.300503
        Assert.Equal(1.300503, new MinimaxLoss(new MinimaxLossOptions()).GeneratorLoss(fake).item<float>(), Precision);

        // saturating: −mean(softplus(f)) = −mean(0.974077, 0.126928) = −0.550503
        var saturating = new MinimaxLoss(new MinimaxLossOptions { GeneratorObjective = GeneratorObjective.Saturating });
        Assert.Equal(-0.550503, saturating.GeneratorLoss(fake).item<float>(), Precision);
    }

    [Fact]
    public void Non_saturating_matches_the_bce_discriminator_and_minus_log_d_generator()
    {
        var loss = new NonSaturatingLoss(new NonSaturatingLossOptions());
        using var fake = FakeScores();

        Assert.Equal(1.270598, DiscriminatorLoss(loss), Precision);
        Assert.Equal(1.300503, loss.GeneratorLoss(fake).item<float>(), Precision);
        Assert.Equal(0.0, loss.DecisionThreshold);
        Assert.Equal(1, loss.DiscriminatorStepsPerGeneratorStep);
    }

    [Fact]
    public void Lsgan_halves_the_discriminator_squares_as_cyclegan_and_not_the_generator()
    {
        var loss = new LeastSquaresLoss(new LeastSquaresLossOptions());
        using var fake = FakeScores();

        // D = ½·[mean((2−1)², (−1−1)²) + mean(0.5², (−2)²)] = ½·[mean(1, 4) + mean(0.25, 4)] = ½·(2.5 + 2.125) = 2.3125
        Assert.Equal(2.3125, DiscriminatorLoss(loss), Precision);

        // G = mean((0.5−1)², (−2−1)²) = mean(0.25, 9) = 4.625
        Assert.Equal(4.625, loss.GeneratorLoss(fake).item<float>(), Precision);
        Assert.Equal(0.5, loss.DecisionThreshold);
    }

    [Fact]
    public void Lsgan_label_smoothing_regresses_real_scores_onto_one_minus_the_smoothing()
    {
        var loss = new LeastSquaresLoss(new LeastSquaresLossOptions { LabelSmoothing = 0.1 });

        // real: mean((2−0.9)², (−1−0.9)²) = mean(1.21, 3.61) = 2.41;  D = ½·(2.41 + 2.125) = 2.2675
        Assert.Equal(2.2675, DiscriminatorLoss(loss), Precision);
    }

    [Fact]
    public void Wgan_critic_loss_is_the_difference_of_mean_scores_with_five_critic_steps()
    {
        var loss = new WassersteinLoss(new WassersteinLossOptions());
        using var fake = FakeScores();

        // D = mean(f) − mean(r) = −0.75 − 0.5 = −1.25;  G = −mean(f) = 0.75
        Assert.Equal(-1.25, DiscriminatorLoss(loss), Precision);
        Assert.Equal(0.75, loss.GeneratorLoss(fake).item<float>(), Precision);
        Assert.Equal(5, loss.DiscriminatorStepsPerGeneratorStep);
    }

    [Fact]
    public void Wgan_clips_every_critic_parameter_after_a_critic_step()
    {
        var loss = new WassersteinLoss(new WassersteinLossOptions { ClipValue = 0.01 });
        using var critic = new LinearCritic([0.5f, -0.003f, -2f], bias: 0.3f);

        loss.AfterDiscriminatorStep(critic);

        Assert.Equal([0.01f, -0.003f, -0.01f], critic.Weight.data<float>().ToArray());
        Assert.Equal(0.01f, critic.parameters().Last().item<float>(), 6);
    }

    [Fact]
    public void Hinge_losses_match_the_hand_computed_margins()
    {
        var loss = new HingeLoss(new HingeLossOptions());
        using var fake = FakeScores();

        // D = mean(relu(1 − 2), relu(1 + 1)) + mean(relu(1 + 0.5), relu(1 − 2)) = mean(0, 2) + mean(1.5, 0) = 1 + 0.75 = 1.75
        Assert.Equal(1.75, DiscriminatorLoss(loss), Precision);

        // G = −mean(f) = 0.75
        Assert.Equal(0.75, loss.GeneratorLoss(fake).item<float>(), Precision);
    }

    [Fact]
    public void Wgan_gp_penalises_the_critic_gradient_norm_and_trains_the_critic_through_it()
    {
        // D(x) = 3·x₁ + 4·x₂: ∇ₓD = w = (3, 4) at every interpolate, ‖w‖ = 5, whatever ε is drawn.
        using var critic = new LinearCritic([3f, 4f]);
        using var real = tensor(new float[] { 1, 2, 0, 1 }).reshape(2, 2);
        using var fake = tensor(new float[] { 0, 0, 1, 1 }).reshape(2, 2);
        var loss = new WassersteinGpLoss(new WassersteinGpLossOptions());

        using var value = loss.DiscriminatorLoss(Input(critic, real, fake));

        // scores: real (11, 4), fake (0, 7): W = mean(f) − mean(r) = 3.5 − 7.5 = −4
        // GP = λ·(‖w‖ − 1)² = 10·(5 − 1)² = 160;  D = −4 + 160 = 156
        Assert.Equal(156.0, value.item<float>(), 3);

        // ∂/∂w: W term = mean(fake) − mean(real) = (0.5, 0.5) − (0.5, 1.5) = (0, −1)
        //       GP term = 2λ(‖w‖ − 1)·w/‖w‖ = 2·10·4·(3, 4)/5 = (48, 64);  total (48, 63).
        // Non-zero GP gradient proves the penalty was built with create_graph.
        value.backward();
        var gradient = critic.Weight.grad!.data<float>().ToArray();
        Assert.Equal(48.0, gradient[0], 3);
        Assert.Equal(63.0, gradient[1], 3);
        Assert.Equal(5, loss.DiscriminatorStepsPerGeneratorStep);
    }

    [Fact]
    public void R1_adds_half_gamma_times_the_squared_gradient_norm_on_real_samples()
    {
        using var critic = new LinearCritic([3f, 4f]);
        using var real = tensor(new float[] { 1, 2, 0, 1 }).reshape(2, 2);
        using var fake = tensor(new float[] { 0, 0, 1, 1 }).reshape(2, 2);
        var loss = new HingeLoss(new HingeLossOptions { R1Gamma = 2 });

        using var value = loss.DiscriminatorLoss(Input(critic, real, fake));

        // hinge: real (11, 4) → relu(1 − s) = (0, 0); fake (0, 7) → relu(1 + s) = (1, 8), mean 4.5
        // R1 = γ/2·‖w‖² = 1·25 = 25;  D = 29.5
        Assert.Equal(29.5, value.item<float>(), 3);

        // ∂/∂w: hinge = mean over fakes of x = (0.5, 0.5); R1 = γ·w = (6, 8);  total (6.5, 8.5)
        value.backward();
        var gradient = critic.Weight.grad!.data<float>().ToArray();
        Assert.Equal(6.5, gradient[0], 3);
        Assert.Equal(8.5, gradient[1], 3);
    }

    [Fact]
    public void Discriminator_steps_option_overrides_the_loss_default()
    {
        Assert.Equal(2, new WassersteinGpLoss(new WassersteinGpLossOptions { DiscriminatorSteps = 2 }).DiscriminatorStepsPerGeneratorStep);
        Assert.Equal(3, new MinimaxLoss(new MinimaxLossOptions { DiscriminatorSteps = 3 }).DiscriminatorStepsPerGeneratorStep);
    }

    [Fact]
    public void Ragan_compares_each_side_with_the_other_sides_mean()
    {
        var loss = new RelativisticAverageLoss(new RelativisticAverageLossOptions());
        using var real = RealScores();
        using var fake = FakeScores();

        // mean r = 0.5, mean f = −0.75: r − mean f = [2.75, −0.25], f − mean r = [0, −2.5].
        // D = (mean(BCE(r − mean f, 1)) + mean(BCE(f − mean r, 0))) / 2 = (mean(0.061968, 0.825939) + mean(0.693147, 0.078889)) / 2 = 0.414986
        Assert.Equal(0.414986, DiscriminatorLoss(loss), Precision);

        // G swaps the targets: (mean(2.811968, 0.575939) + mean(0.693147, 2.578889)) / 2 = 1.664986
        Assert.True(loss.GeneratorUsesRealScores);
        Assert.Equal(1.664986, loss.GeneratorLoss(new GeneratorLossInput(fake, real)).item<float>(), Precision);
    }

    [Fact]
    public void Ragan_refuses_a_generator_loss_without_real_scores()
    {
        var loss = new RelativisticAverageLoss(new RelativisticAverageLossOptions());
        using var fake = FakeScores();

        var error = Assert.Throws<InvalidOperationException>(() => loss.GeneratorLoss(new GeneratorLossInput(fake)));
        Assert.Contains("RealScores", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Losses_that_need_only_fake_scores_give_the_same_value_through_the_input_overload()
    {
        ILossStrategy loss = new NonSaturatingLoss(new NonSaturatingLossOptions());
        using var fake = FakeScores();

        Assert.False(loss.GeneratorUsesRealScores);
        Assert.Equal(loss.GeneratorLoss(fake).item<float>(), loss.GeneratorLoss(new GeneratorLossInput(fake)).item<float>());
    }

    private static Tensor RealScores() => tensor(new float[] { 2f, -1f });

    private static Tensor FakeScores() => tensor(new float[] { 0.5f, -2f });

    private static double DiscriminatorLoss(ILossStrategy loss)
    {
        using var real = RealScores();
        using var fake = FakeScores();
        using var critic = new LinearCritic([1f]);
        using var value = loss.DiscriminatorLoss(new DiscriminatorLossInput(real, fake, real, fake, critic));
        return value.item<float>();
    }

    private static DiscriminatorLossInput Input(LinearCritic critic, Tensor real, Tensor fake) =>
        new(critic.Score(real), critic.Score(fake), real, fake, critic);
}

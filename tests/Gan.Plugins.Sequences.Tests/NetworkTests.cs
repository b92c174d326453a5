using Gan.Abstractions;
using Gan.Plugins.Sequences.Networks;
using Gan.Plugins.Sequences.Training;
using TorchSharp;

namespace Gan.Plugins.Sequences.Tests;

public sealed class NetworkTests
{
    [Fact]
    public void Predictor_has_the_classic_examples_parameter_count_and_maps_windows_to_next_values()
    {
        using var scope = torch.NewDisposeScope();
        using var predictor = new LstmPredictor(new LstmPredictorOptions());

        // LSTM layer 1: 4·50·(1 + 50) + 2·4·50, layer 2: 4·50·(50 + 50) + 2·4·50, head: 50 + 1.
        Assert.Equal(10_600 + 20_400 + 51, predictor.parameters().Sum(p => p.numel()));
        Assert.Null(((IGenerator)predictor).LatentShape);
        Assert.Equal([5L, 1], predictor.forward(torch.randn(5, 10, 1)).shape);
        Assert.Equal([5L, 7], predictor.Forecast(torch.randn(5, 10, 1), 7).shape);
    }

    [Fact]
    public void Generator_turns_per_step_noise_into_sequences_and_discriminator_scores_every_step()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new LstmGenerator(new LstmGeneratorOptions { SequenceLength = 12, NoiseDim = 3, HiddenSize = 8, Output = OutputActivation.Tanh, SequenceLatent = SequenceLatent.None });
        using var discriminator = new LstmDiscriminator(new LstmDiscriminatorOptions { HiddenSize = 8 });

        var latent = ((IGenerator)generator).SampleLatent(4, torch.CPU);
        var sequences = generator.Generate(latent);
        var scores = discriminator.Score(sequences);

        Assert.Equal([4L, 12, 3], latent.shape);
        Assert.Equal([4L, 12, 1], sequences.shape);
        Assert.True(sequences.abs().max().item<float>() < 1f);
        Assert.Equal([4L, 12], scores.shape);
        torch.nn.functional.binary_cross_entropy_with_logits(scores, torch.ones_like(scores)).backward();
        Assert.All(generator.parameters(), p => Assert.NotNull(p.grad));
    }

    [Fact]
    public void Feedback_generator_makes_the_same_shapes_and_trains_through_its_step_loop()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new LstmGenerator(new LstmGeneratorOptions { SequenceLength = 6, NoiseDim = 2, HiddenSize = 4, Feedback = true, SequenceLatent = SequenceLatent.None });

        var sequences = generator.Generate(torch.randn(3, 6, 2));
        sequences.sum().backward();

        Assert.Equal([3L, 6, 1], sequences.shape);
        Assert.All(generator.parameters(), p => Assert.NotNull(p.grad));
    }

    [Fact]
    public void Prediction_windows_pair_each_window_with_the_value_after_it()
    {
        using var scope = torch.NewDisposeScope();
        var series = torch.arange(0, 6, dtype: torch.ScalarType.Float32).reshape(1, 6);
        var x = series.narrow(1, 0, 5).unsqueeze(-1);
        var y = series.narrow(1, 1, 5).unsqueeze(-1);

        var (inputs, targets) = PredictionWindows.Cut(x, y, 3);

        Assert.Equal([3L, 3, 1], inputs.shape);
        Assert.Equal([1f, 2, 3], inputs[1].flatten().data<float>().ToArray());
        Assert.Equal([3f, 4, 5], targets.flatten().data<float>().ToArray());
    }

    [Fact]
    public void Window_longer_than_the_sequences_is_a_clear_input_error()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.zeros(2, 4, 1);

        var error = Assert.Throws<GanInputException>(() => PredictionWindows.Cut(x, x, 10));

        Assert.Contains("window (10)", error.Message);
    }
}

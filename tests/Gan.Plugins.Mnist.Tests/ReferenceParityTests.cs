namespace Gan.Plugins.Mnist.Tests;

/// <summary>
/// The networks against PyTorch definitions of the classic MLP GAN tutorial and the DCGAN example (sized for 28×28)
/// on the committed fixtures of bench/parity/make_fixtures.py: same state_dict keys, same outputs.
/// </summary>
public sealed class ReferenceParityTests
{
    private static ParityFixture Open(string network) => ParityFixture.Open(Path.Combine(ParityFixture.TinyRoot, network));

    [Fact]
    public void Mlp_generator_has_the_tutorials_keys_and_outputs()
    {
        using var fixture = Open("mnist_mlp_generator");
        using var generator = new MlpGenerator(new MlpGeneratorOptions
        {
            LatentDim = fixture.Int("latent_dim"),
            HiddenSizes = fixture.Ints("hidden_sizes"),
            LeakySlope = fixture.Double("leaky_slope"),
            Channels = fixture.Int("channels"),
            ImageSize = fixture.Int("image_size"),
        });

        var result = fixture.Check(generator, generator.forward);

        ParityAssert.MatchesReference(result);
    }

    [Fact]
    public void Mlp_discriminator_has_the_tutorials_keys_and_its_logit()
    {
        using var fixture = Open("mnist_mlp_discriminator");
        using var discriminator = new MlpDiscriminator(new MlpDiscriminatorOptions
        {
            HiddenSizes = fixture.Ints("hidden_sizes"),
            LeakySlope = fixture.Double("leaky_slope"),
            Channels = fixture.Int("channels"),
            ImageSize = fixture.Int("image_size"),
        });

        var result = fixture.Check(discriminator, discriminator.forward);
        // The tutorial returns sigmoid(logit) shaped (B, 1); this network returns the logit shaped (B) and leaves the
        // sigmoid to its loss (binary_cross_entropy_with_logits). Its sigmoid is the tutorial's output.
        var probability = fixture.Check(discriminator, x => discriminator.forward(x).sigmoid(), "probability");

        Assert.Equal(result.FileKeys, result.ModuleKeys);
        Assert.Equal([fixture.Input.shape[0]], result.OutputShape);
        Assert.InRange(result.MaxAbsDifference, 0, ParityResult.Tolerance);
        Assert.InRange(probability.MaxAbsDifference, 0, ParityResult.Tolerance);
    }

    [Fact]
    public void Dcgan_generator_has_the_examples_keys_and_outputs()
    {
        using var fixture = Open("mnist_dcgan_generator");
        using var generator = new DcganGenerator(new DcganGeneratorOptions
        {
            LatentDim = fixture.Int("latent_dim"),
            Ngf = fixture.Int("ngf"),
            Channels = fixture.Int("channels"),
        });

        var result = fixture.Check(generator, generator.forward);

        ParityAssert.MatchesReference(result);
    }

    [Fact]
    public void Dcgan_discriminator_has_the_examples_keys_and_its_logit()
    {
        using var fixture = Open("mnist_dcgan_discriminator");
        using var discriminator = new DcganDiscriminator(new DcganDiscriminatorOptions
        {
            Ndf = fixture.Int("ndf"),
            LeakySlope = fixture.Double("leaky_slope"),
            BatchNorm = fixture.Bool("batch_norm"),
            Channels = fixture.Int("channels"),
        });

        var result = fixture.Check(discriminator, discriminator.forward);
        // The example ends in a Sigmoid; this network returns the logit, and its sigmoid is the example's output.
        var probability = fixture.Check(discriminator, x => discriminator.forward(x).sigmoid(), "probability");

        ParityAssert.MatchesReference(result);
        Assert.InRange(probability.MaxAbsDifference, 0, ParityResult.Tolerance);
    }
}

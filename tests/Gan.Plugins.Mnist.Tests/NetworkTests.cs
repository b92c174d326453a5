using TorchSharp;

namespace Gan.Plugins.Mnist.Tests;

public sealed class NetworkTests
{
    [Fact]
    public void Generator_has_the_classic_tutorials_parameter_count()
    {
        using var generator = new MlpGenerator(new MlpGeneratorOptions());

        // 100·256+256 + 256·512+512 + 512·1024+1024 + 1024·784+784
        Assert.Equal(1_486_352, generator.parameters().Sum(p => p.numel()));
        Assert.Equal([100L], generator.LatentShape!);
    }

    [Fact]
    public void Discriminator_has_the_classic_tutorials_parameter_count()
    {
        using var discriminator = new MlpDiscriminator(new MlpDiscriminatorOptions());

        // 784·512+512 + 512·256+256 + 256·1+1
        Assert.Equal(533_505, discriminator.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Generator_maps_latents_to_images_in_minus_one_to_one()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new MlpGenerator(new MlpGeneratorOptions());
        torch.manual_seed(3);

        var latent = ((Gan.Abstractions.IGenerator)generator).SampleLatent(5, torch.CPU);
        var images = generator.Generate(latent * 50);

        Assert.Equal([5L, 1, 28, 28], images.shape);
        Assert.True(images.min().item<float>() >= -1f);
        Assert.True(images.max().item<float>() <= 1f);
    }

    [Fact]
    public void Discriminator_returns_one_logit_per_image()
    {
        using var scope = torch.NewDisposeScope();
        using var discriminator = new MlpDiscriminator(new MlpDiscriminatorOptions());

        var scores = discriminator.Score(torch.rand(4, 1, 28, 28) * 2 - 1);

        Assert.Equal([4L], scores.shape);
        Assert.Equal(torch.ScalarType.Float32, scores.dtype);
    }

    [Fact]
    public void Discriminator_refuses_images_of_the_wrong_size_with_the_shape_it_got()
    {
        using var scope = torch.NewDisposeScope();
        using var discriminator = new MlpDiscriminator(new MlpDiscriminatorOptions());

        var error = Assert.Throws<ArgumentException>(() => discriminator.Score(torch.zeros(2, 1, 32, 32)));

        Assert.Contains("[2, 1, 32, 32]", error.Message);
    }

    [Fact]
    public void Generator_and_discriminator_train_together_through_autograd()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new MlpGenerator(new MlpGeneratorOptions { HiddenSizes = [8], ImageSize = 4 });
        using var discriminator = new MlpDiscriminator(new MlpDiscriminatorOptions { HiddenSizes = [8], ImageSize = 4 });

        var scores = discriminator.Score(generator.Generate(torch.randn(3, 100)));
        torch.nn.functional.binary_cross_entropy_with_logits(scores, torch.ones(3)).backward();

        Assert.All(generator.parameters(), p => Assert.NotNull(p.grad));
    }
}

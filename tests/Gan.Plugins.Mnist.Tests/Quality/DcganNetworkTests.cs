using static TorchSharp.torch;

namespace Gan.Plugins.Mnist.Tests.Quality;

[Collection(TorchRandomCollection.Name)]
public sealed class DcganNetworkTests
{
    [Fact]
    public void Dcgan_generator_maps_latents_to_28_by_28_images_in_tanh_range_and_discriminator_to_one_logit()
    {
        using var generator = new DcganGenerator(new DcganGeneratorOptions { Ngf = 8 });
        using var discriminator = new DcganDiscriminator(new DcganDiscriminatorOptions { Ndf = 8 });
        using var latents = randn(3, 100);

        using var images = generator.Generate(latents);
        using var scores = discriminator.Score(images);

        Assert.Equal([3L, 1, 28, 28], images.shape);
        Assert.True(images.abs().max().item<float>() <= 1f);
        Assert.Equal([3L], scores.shape);
    }

    [Fact]
    public void Dcgan_discriminator_names_the_shape_it_needs()
    {
        using var discriminator = new DcganDiscriminator(new DcganDiscriminatorOptions { Ndf = 4 });
        using var wrong = zeros(2, 1, 32, 32);

        var error = Assert.Throws<ArgumentException>(() => discriminator.Score(wrong));
        Assert.Contains("(B, C, 28, 28)", error.Message, StringComparison.Ordinal);
    }
}

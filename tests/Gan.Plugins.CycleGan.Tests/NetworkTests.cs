using Gan.Plugins.CycleGan.Networks;
using static TorchSharp.torch;

namespace Gan.Plugins.CycleGan.Tests;

public sealed class NetworkTests
{
    private static long Count(nn.Module module) => module.parameters().Sum(p => p.numel());

    [Fact]
    public void Resnet_9blocks_has_the_reference_parameter_count()
    {
        using var generator = new ResnetGenerator(new ResnetGeneratorOptions(), 9);

        // The reference prints "[Network G_A] Total number of parameters : 11.378 M".
        Assert.Equal(11_378_179, Count(generator));
    }

    [Fact]
    public void Resnet_6blocks_has_three_fewer_residual_blocks()
    {
        using var generator = new ResnetGenerator(new ResnetGeneratorOptions(), 6);

        Assert.Equal(11_378_179 - (3 * 2 * ((256 * 256 * 9) + 256)), Count(generator));
    }

    [Fact]
    public void PatchGan_has_the_reference_parameter_count()
    {
        using var discriminator = new PatchDiscriminator(new PatchDiscriminatorOptions());

        // The reference prints "[Network D_A] Total number of parameters : 2.765 M".
        Assert.Equal(2_764_737, Count(discriminator));
    }

    [Fact]
    public void InstanceNorm_computes_what_InstanceNorm2d_computes_forward_and_backward()
    {
        using var reference = nn.InstanceNorm2d(5, affine: false, track_running_stats: false);
        using var norm = new InstanceNorm(5);
        using var scope = NewDisposeScope();
        var input = (randn(3, 5, 7, 9) * 4) + 2;
        var upstream = randn(3, 5, 7, 9);
        var x1 = input.detach().requires_grad_();
        var x2 = input.detach().requires_grad_();

        var expected = reference.call(x1);
        var actual = norm.call(x2);
        expected.backward([upstream]);
        actual.backward([upstream]);

        Assert.True(allclose(actual, expected, rtol: 1e-4, atol: 1e-5));
        Assert.True(allclose(x2.grad!, x1.grad!, rtol: 1e-4, atol: 1e-5));
        // Each sample's channel on its own: mean 0, biased variance 1 (up to eps).
        Assert.True(actual.mean([2, 3]).abs().max().item<float>() < 1e-5f);
        Assert.True((actual.var([2, 3], unbiased: false) - 1).abs().max().item<float>() < 1e-3f);
        Assert.Empty(norm.parameters());
        Assert.Empty(norm.buffers());
    }

    [Fact]
    public void InstanceNorm_names_the_expected_shape_when_given_the_wrong_channels()
    {
        using var norm = new InstanceNorm(5);
        using var input = zeros(1, 4, 3, 3);

        var error = Assert.Throws<ArgumentException>(() => norm.call(input));

        Assert.Contains("(N, 5, H, W)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_keeps_the_image_size_and_range_and_PatchGan_scores_patches()
    {
        using var generator = new ResnetGenerator(new ResnetGeneratorOptions { Ngf = 4 }, 2);
        using var discriminator = new PatchDiscriminator(new PatchDiscriminatorOptions { Ndf = 4 });
        using var scope = NewDisposeScope();
        var images = rand(2, 3, 64, 64) * 2 - 1;

        var translated = generator.Generate(images);
        var scores = discriminator.Score(images);

        Assert.Equal([2L, 3, 64, 64], translated.shape);
        Assert.True(translated.abs().max().item<float>() <= 1f);
        Assert.Equal([2L, 1, 6, 6], scores.shape); // 64/8 - 2, as 256 → 30
    }

    [Fact]
    public void Convolution_weights_are_initialised_normal_with_std_0_02_and_zero_bias()
    {
        using var generator = new ResnetGenerator(new ResnetGeneratorOptions(), 9);
        var weights = generator.named_parameters().Where(p => p.name.EndsWith("weight", StringComparison.Ordinal)).ToList();
        var biases = generator.named_parameters().Where(p => p.name.EndsWith("bias", StringComparison.Ordinal)).ToList();

        using var all = cat(weights.Select(p => p.parameter.flatten()).ToList(), 0);
        Assert.InRange(all.std().item<float>(), 0.0195, 0.0205);
        Assert.InRange(all.mean().item<float>(), -0.001, 0.001);
        Assert.All(biases, b => Assert.Equal(0f, b.parameter.abs().max().item<float>()));
    }
}

using Gan.Plugins.CycleGan.Networks;

namespace Gan.Plugins.CycleGan.Tests;

/// <summary>
/// The networks against the reference code's PyTorch networks (junyanz/pytorch-CycleGAN-and-pix2pix) on the committed
/// fixtures of bench/parity/make_fixtures.py: same state_dict keys, same outputs for the same weights and input.
/// </summary>
public sealed class ReferenceParityTests
{
    [Fact]
    public void Resnet_generator_has_the_reference_keys_and_outputs()
    {
        using var fixture = ParityFixture.Open(Path.Combine(ParityFixture.TinyRoot, "cyclegan_resnet_generator"));
        var options = new ResnetGeneratorOptions
        {
            InputNc = fixture.Int("input_nc"),
            OutputNc = fixture.Int("output_nc"),
            Ngf = fixture.Int("ngf"),
            UseDropout = fixture.Bool("use_dropout"),
        };
        using var generator = new ResnetGenerator(options, fixture.TopLevelInt("n_blocks"));

        var result = fixture.Check(generator, generator.forward);

        ParityAssert.MatchesReference(result);
    }

    [Fact]
    public void PatchGan_has_the_reference_keys_and_outputs()
    {
        using var fixture = ParityFixture.Open(Path.Combine(ParityFixture.TinyRoot, "cyclegan_patchgan"));
        var options = new PatchDiscriminatorOptions { InputNc = fixture.Int("input_nc"), Ndf = fixture.Int("ndf"), NLayers = fixture.Int("n_layers") };
        using var discriminator = new PatchDiscriminator(options);

        var result = fixture.Check(discriminator, discriminator.forward);

        ParityAssert.MatchesReference(result);
    }
}

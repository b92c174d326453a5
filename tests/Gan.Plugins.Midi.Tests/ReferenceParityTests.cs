using Gan.Plugins.Midi.Model;

namespace Gan.Plugins.Midi.Tests;

/// <summary>
/// The MuseGAN networks against a PyTorch transcription of the same layer plan (MuseGAN's own code is TensorFlow) on
/// the committed fixtures of bench/parity/make_fixtures.py: same state_dict keys, same outputs, batch norms in eval mode
/// with non-trivial running statistics.
/// </summary>
public sealed class ReferenceParityTests
{
    private static ParityFixture Open(string network) => ParityFixture.Open(Path.Combine(ParityFixture.TinyRoot, network));

    [Fact]
    public void Generator_has_the_reference_keys_and_outputs()
    {
        using var fixture = Open("musegan_generator");
        using var generator = new MuseGanGenerator(new MuseGanGeneratorOptions
        {
            ZDim = fixture.Int("z_dim"),
            Tracks = fixture.Int("tracks"),
            Bars = fixture.Int("bars"),
            StepsPerBar = fixture.Int("steps_per_bar"),
            Pitches = fixture.Int("pitches"),
            TimeUpsamplings = fixture.Int("time_upsamplings"),
            PitchKernels = fixture.Ints("pitch_kernels"),
            Ngf = fixture.Int("ngf"),
            TemporalHidden = fixture.Int("temporal_hidden"),
            OutputActivation = Enum.Parse<OutputActivation>(fixture.String("output_activation"), ignoreCase: true),
        });

        var result = fixture.Check(generator, generator.forward);

        ParityAssert.MatchesReference(result);
    }

    [Fact]
    public void Discriminator_has_the_reference_keys_and_outputs()
    {
        using var fixture = Open("musegan_discriminator");
        using var discriminator = new MuseGanDiscriminator(new MuseGanDiscriminatorOptions
        {
            Tracks = fixture.Int("tracks"),
            Bars = fixture.Int("bars"),
            StepsPerBar = fixture.Int("steps_per_bar"),
            Pitches = fixture.Int("pitches"),
            PitchKernels = fixture.Ints("pitch_kernels"),
            TimeDownsamplings = fixture.Int("time_downsamplings"),
            Ndf = fixture.Int("ndf"),
            LeakySlope = fixture.Double("leaky_slope"),
        });

        var result = fixture.Check(discriminator, discriminator.forward);

        ParityAssert.MatchesReference(result);
    }
}

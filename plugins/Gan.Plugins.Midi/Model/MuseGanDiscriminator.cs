using Gan.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Midi.Model;

/// <summary>
/// A discriminator over the whole multi-track segment, tracks as channels of 3-D convolutions over
/// (bars, steps, pitches): pitch first (within octaves, then across them), then time within each bar, then
/// across bars, and a linear layer to one unbounded score (WGAN critic). No batch normalisation: the gradient
/// penalty is computed per sample (Gulrajani et al.). Shapes below are for the defaults.
/// </summary>
internal sealed class MuseGanDiscriminator : Module<Tensor, Tensor>, IDiscriminator
{
#pragma warning disable IDE1006 // TorchSharp names the submodules after the fields.
    private readonly Sequential convs;
    private readonly Linear dense;
#pragma warning restore IDE1006

    private readonly MuseGanDiscriminatorOptions _options;

    public MuseGanDiscriminator(MuseGanDiscriminatorOptions options) : base("musegan_discriminator")
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var layers = new List<Module<Tensor, Tensor>>();
        long channels = options.Tracks;
        long width = options.Ndf;
        long cap = options.Ndf * 8L;
        // tracks x bars x 48 x 84
        foreach (var kernel in options.PitchKernels.AsEnumerable().Reverse())
        {
            layers.Add(new PitchFold(channels, width, kernel));
            layers.Add(LeakyReLU(options.LeakySlope));
            channels = width;
            width = Math.Min(width * 2, cap);
            // ndf x bars x 48 x 7, then (2·ndf) x bars x 48 x 1
        }

        for (var i = 0; i < options.TimeDownsamplings; i++)
        {
            layers.Add(new TimeDownsampling(channels, width));
            layers.Add(LeakyReLU(options.LeakySlope));
            channels = width;
            width = Math.Min(width * 2, cap);
            // (4·ndf) x bars x 24 x 1 … (8·ndf) x bars x 3 x 1
        }

        var remainingSteps = options.StepsPerBar >> options.TimeDownsamplings;
        layers.Add(Conv3d(channels, channels, (1, remainingSteps, 1)));
        layers.Add(LeakyReLU(options.LeakySlope));
        // (8·ndf) x bars x 1 x 1
        layers.Add(Conv3d(channels, channels, (options.Bars, 1, 1)));
        layers.Add(LeakyReLU(options.LeakySlope));
        // (8·ndf) x 1 x 1 x 1
        convs = Sequential(layers);
        dense = Linear(channels, 1);
        // 1 score
        RegisterComponents();
    }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Score(Tensor samples) => forward(samples);

    /// <summary>Scores segments (B, tracks, bars, steps, pitches) as (B, 1).</summary>
    public override Tensor forward(Tensor input)
    {
        long[] expected = [_options.Tracks, _options.Bars, _options.StepsPerBar, _options.Pitches];
        if (input.dim() != 5 || !input.shape.AsSpan(1).SequenceEqual(expected))
        {
            throw new GanInputException(
                $"The musegan discriminator expects segments shaped (batch, {string.Join(", ", expected)}) but got ({string.Join(", ", input.shape)}). " +
                "Make model.discriminator's tracks, bars, steps_per_bar and pitches match the data source.");
        }

        using var features = convs.forward(input);
        using var flat = features.flatten(1);
        return dense.forward(flat);
    }
}

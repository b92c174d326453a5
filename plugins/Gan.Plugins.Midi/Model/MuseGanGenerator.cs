using Gan.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Midi.Model;

/// <summary>
/// MuseGAN's hybrid generator (Dong et al., AAAI 2018). One latent vector carries four kinds of noise, split
/// here: a shared time-independent part z, a shared temporal part through a shared temporal generator, and
/// per track a private time-independent part and a private temporal part through the track's own temporal
/// generator. For every bar, each track's bar generator receives [z, G_temp(z_t)[bar], z_i, G_temp,i(z_i,t)[bar]].
/// Output: (B, tracks, bars, steps per bar, pitches).
/// </summary>
internal sealed class MuseGanGenerator : Module<Tensor, Tensor>, IGenerator
{
#pragma warning disable IDE1006 // TorchSharp names the submodules after the fields.
    private readonly TemporalGenerator shared_temporal;
    private readonly ModuleList<TemporalGenerator> private_temporal;
    private readonly ModuleList<BarGenerator> bar_generators;
#pragma warning restore IDE1006

    private readonly MuseGanGeneratorOptions _options;

    public MuseGanGenerator(MuseGanGeneratorOptions options) : base("musegan_generator")
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        LatentShape = [options.LatentDim];
        shared_temporal = new TemporalGenerator("shared_temporal", options.ZDim, options.TemporalHidden, options.Bars);
        private_temporal = new ModuleList<TemporalGenerator>(
            [.. Enumerable.Range(0, options.Tracks).Select(i => new TemporalGenerator($"temporal{i}", options.ZDim, options.TemporalHidden, options.Bars))]);
        bar_generators = new ModuleList<BarGenerator>(
            [.. Enumerable.Range(0, options.Tracks).Select(i => new BarGenerator($"bar{i}", options))]);
        RegisterComponents();
    }

    /// <summary>The options the network was built with.</summary>
    public MuseGanGeneratorOptions Options => _options;

    /// <inheritdoc />
    public long[]? LatentShape { get; }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Generate(Tensor input) => forward(input);

    /// <summary>Maps latents (B, z·(2 + 2·tracks)) to segments (B, tracks, bars, steps, pitches).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var batch = input.shape[0];
        var (tracks, bars, z) = ((long)_options.Tracks, (long)_options.Bars, (long)_options.ZDim);
        var parts = input.view(batch, 2 + (2 * tracks), z);
        // (B, 2 + 2·tracks, z): [shared, shared temporal, private × tracks, private temporal × tracks]
        var shared = parts[.., 0].unsqueeze(1).expand(batch, bars, z);
        var sharedTemporal = shared_temporal.forward(parts[.., 1]);
        // (B, bars, z) each
        var outputs = new Tensor[tracks];
        for (var i = 0; i < tracks; i++)
        {
            var own = parts[.., 2 + i].unsqueeze(1).expand(batch, bars, z);
            var ownTemporal = private_temporal[i].forward(parts[.., 2 + tracks + i]);
            var barInput = cat([shared, sharedTemporal, own, ownTemporal], 2).reshape(batch * bars, 4 * z);
            // (B·bars, 4z)
            var bar = bar_generators[i].forward(barInput);
            // (B·bars, 1, steps, pitches)
            outputs[i] = bar.view(batch, bars, _options.StepsPerBar, _options.Pitches);
        }

        return stack(outputs, 1).MoveToOuterDisposeScope();
        // (B, tracks, bars, steps, pitches)
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Midi.Model;

/// <summary>
/// MuseGAN's temporal generator: one noise vector in, one vector per bar out, so the bars of a segment share
/// a plan that unfolds over time. Two transposed 1-D convolutions over the bar axis.
/// </summary>
internal sealed class TemporalGenerator : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // TorchSharp names the submodule after the field.
    private readonly Sequential net;
#pragma warning restore IDE1006

    public TemporalGenerator(string name, int zDim, int hidden, int bars) : base(name)
    {
        net = Sequential(
            // (B, z, 1)
            ConvTranspose1d(zDim, hidden, bars),
            BatchNorm1d(hidden),
            ReLU(),
            // (B, hidden, bars)
            ConvTranspose1d(hidden, zDim, 1),
            BatchNorm1d(zDim),
            ReLU());
            // (B, z, bars)
        RegisterComponents();
    }

    /// <summary>Maps (B, z) to per-bar vectors (B, bars, z).</summary>
    public override Tensor forward(Tensor z)
    {
        using var column = z.unsqueeze(-1);
        using var perBar = net.forward(column);
        return perBar.permute(0, 2, 1);
        // (B, bars, z)
    }
}

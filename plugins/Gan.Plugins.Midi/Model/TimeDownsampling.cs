using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Midi.Model;

/// <summary>
/// The discriminator's <c>Conv3d(in, out, (1, 4, 1), stride: (1, 2, 1), padding: (0, 1, 0))</c> along time, computed
/// as a 2-D convolution once the pitch axis has been folded to width 1: the same parameters (<c>weight</c>
/// (out, in, 1, 4, 1), <c>bias</c> (out)), initial values drawn by a real Conv3d, and the same arithmetic.
/// </summary>
/// <remarks>
/// Why: libtorch 2.10 runs 3-D convolutions of this shape (and their gradients, twice over with the gradient penalty)
/// through oneDNN's 3-D kernels with layout reorders on every call; the 2-D form is the same product with less
/// bookkeeping. See docs/performance.md.
/// </remarks>
internal sealed class TimeDownsampling : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // The convolution's parameter names, so state_dicts and checkpoints are unchanged.
    private readonly Parameter weight;
    private readonly Parameter bias;
#pragma warning restore IDE1006

    public TimeDownsampling(long inChannels, long outChannels) : base(nameof(TimeDownsampling))
    {
        using var reference = Conv3d(inChannels, outChannels, (1, 4, 1), stride: (1, 2, 1), padding: (0, 1, 0));
        weight = Parameter(reference.weight!.detach().clone());
        bias = Parameter(reference.bias!.detach().clone());
        RegisterComponents();
    }

    /// <summary>(N, in, D, H, 1) to (N, out, D, H / 2, 1).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var planes = input.squeeze(-1);
        // (N, in, D, H)
        var output = functional.conv2d(planes, weight.squeeze(-1), bias, strides: [1, 2], padding: [0, 1]);
        // (N, out, D, H/2)
        return output.unsqueeze(-1).MoveToOuterDisposeScope();
    }
}

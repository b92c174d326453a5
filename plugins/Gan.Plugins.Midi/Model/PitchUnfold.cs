using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Midi.Model;

/// <summary>
/// <c>ConvTranspose2d(in, out, (1, k), stride: (1, k))</c> computed as one matrix product: with stride equal to the
/// kernel and no padding, every input pitch cell writes its own k output cells and nothing overlaps, so the layer is
/// a linear map per cell followed by a reshape. Same parameters (<c>weight</c> (in, out, 1, k), <c>bias</c> (out)),
/// same initial values (drawn by a real ConvTranspose2d), same arithmetic.
/// </summary>
/// <remarks>
/// Why not the convolution itself: libtorch 2.10 runs it on oneDNN's strided backward-data kernel, which for these
/// narrow layers (a few channels, kernel 7 or 12) spent most of a MuseGAN step in index bookkeeping and layout
/// reorders (perf: <c>get_kw_range</c>, <c>ker_base</c>, reorders); the product runs on the BLAS. See docs/performance.md.
/// </remarks>
internal sealed class PitchUnfold : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // The convolution's parameter names, so state_dicts and checkpoints are unchanged.
    private readonly Parameter weight;
    private readonly Parameter bias;
#pragma warning restore IDE1006

    private readonly long _kernel;

    public PitchUnfold(long inChannels, long outChannels, long kernel) : base(nameof(PitchUnfold))
    {
        _kernel = kernel;
        using var reference = ConvTranspose2d(inChannels, outChannels, (1, kernel), stride: (1, kernel));
        weight = Parameter(reference.weight!.detach().clone());
        bias = Parameter(reference.bias!.detach().clone());
        RegisterComponents();
    }

    /// <summary>(N, in, T, P) to (N, out, T, P·k).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var (n, t, p) = (input.shape[0], input.shape[2], input.shape[3]);
        using var kernels = weight.squeeze(2);
        // (in, out, k)
        var cells = einsum("nctp,cok->notpk", input, kernels);
        // (N, out, T, P, k)
        return cells.reshape(n, -1, t, p * _kernel).add(bias.view(1, -1, 1, 1)).MoveToOuterDisposeScope();
        // (N, out, T, P·k)
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Midi.Model;

/// <summary>
/// <c>Conv3d(in, out, (1, 1, k), stride: (1, 1, k))</c> computed as one matrix product: with stride equal to the kernel
/// and no padding, each output cell reads its own k input cells along pitch and nothing overlaps, so the layer is a
/// reshape followed by a linear map per cell. Same parameters (<c>weight</c> (out, in, 1, 1, k), <c>bias</c> (out)),
/// same initial values (drawn by a real Conv3d), same arithmetic; the discriminator's counterpart of
/// <see cref="PitchUnfold"/>, and its gradients (including the gradient penalty's double backward) go through the same
/// product instead of oneDNN's strided backward-data kernel.
/// </summary>
internal sealed class PitchFold : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // The convolution's parameter names, so state_dicts and checkpoints are unchanged.
    private readonly Parameter weight;
    private readonly Parameter bias;
#pragma warning restore IDE1006

    private readonly long _kernel;

    public PitchFold(long inChannels, long outChannels, long kernel) : base(nameof(PitchFold))
    {
        _kernel = kernel;
        using var reference = Conv3d(inChannels, outChannels, (1, 1, kernel), stride: (1, 1, kernel));
        weight = Parameter(reference.weight!.detach().clone());
        bias = Parameter(reference.bias!.detach().clone());
        RegisterComponents();
    }

    /// <summary>(N, in, D, H, W) to (N, out, D, H, W / k).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var (n, c, d, h, w) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3], input.shape[4]);
        var cells = input.view(n, c, d, h, w / _kernel, _kernel);
        // (N, in, D, H, W/k, k)
        using var kernels = weight.view(weight.shape[0], c, _kernel);
        // (out, in, k)
        return einsum("ncdhpk,ock->nodhp", cells, kernels).add(bias.view(1, -1, 1, 1, 1)).MoveToOuterDisposeScope();
        // (N, out, D, H, W/k)
    }
}

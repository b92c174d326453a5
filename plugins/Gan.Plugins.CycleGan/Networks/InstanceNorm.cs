using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Plugins.CycleGan.Networks;

/// <summary>
/// The reference's <c>nn.InstanceNorm2d(channels, affine=False, track_running_stats=False)</c>: each sample's
/// channels normalised over height and width with the biased variance. No parameters or buffers, so state-dict
/// keys are those of <c>InstanceNorm2d</c>.
/// </summary>
/// <remarks>
/// Computed as group norm with one group per channel, the same arithmetic: libtorch's instance norm reshapes to a
/// batch norm over (1, N·C, H, W), while group norm has a fused CPU kernel that runs forward and backward 2–3×
/// faster at the generator's shapes (bench/cyclegan/layers.sh, "as group norm" rows). A generator pass runs 23 of them.
/// </remarks>
internal sealed class InstanceNorm : nn.Module<Tensor, Tensor>
{
    private readonly long _channels;
    private readonly double _eps;

    public InstanceNorm(long channels, double eps = 1e-5) : base("InstanceNorm2d")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        _channels = channels;
        _eps = eps;
    }

    /// <summary>Normalises (N, C, H, W) input with C equal to the channel count given at construction.</summary>
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4 || input.shape[1] != _channels)
        {
            throw new ArgumentException(
                $"InstanceNorm expects (N, {_channels}, H, W) input, got ({string.Join(", ", input.shape)}).", nameof(input));
        }

        return F.group_norm(input, _channels, eps: _eps);
    }
}

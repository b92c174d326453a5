using static TorchSharp.torch;

namespace Gan.Plugins.Text.Networks;

/// <summary>The encoder's view of a batch of questions, what the attention reads at every decoder step.</summary>
/// <param name="Outputs">Encoder states, (B, Lq, H).</param>
/// <param name="Padding">True where the question is padding, (B, Lq); attention ignores those positions.</param>
/// <param name="Final">The state after each question's last real token, (1, B, H): the decoder's initial state.</param>
public sealed record EncodedQuestion(Tensor Outputs, Tensor Padding, Tensor Final)
{
    /// <summary>The same questions repeated <paramref name="times"/> each (row i becomes rows i*times .. i*times+times-1), for beams and samples.</summary>
    public EncodedQuestion Repeat(long times) => new(
        Outputs.repeat_interleave(times, dim: 0),
        Padding.repeat_interleave(times, dim: 0),
        Final.repeat_interleave(times, dim: 1));
}

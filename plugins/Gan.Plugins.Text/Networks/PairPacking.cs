using Gan.Plugins.Text.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Plugins.Text.Networks;

/// <summary>
/// <see cref="Gan.Abstractions.IDiscriminator.Score"/> takes one tensor, so a (question, answer) pair travels as
/// [question (padded to Lq) | &lt;sep&gt; | answer], (B, Lq + 1 + La) int64. The separator sits in the same column
/// of every row, which is how the discriminator splits the pair again.
/// </summary>
public static class PairPacking
{
    /// <summary>Packs question ids (B, Lq) and answer ids (B, La).</summary>
    public static Tensor Pack(Tensor question, Tensor answer)
    {
        var separator = full([question.shape[0], 1], Vocabulary.Separator, dtype: ScalarType.Int64, device: question.device);
        return cat([question, separator, answer], dim: 1);
    }

    /// <summary>Splits a packed pair back into (question, answer).</summary>
    public static (Tensor Question, Tensor Answer) Unpack(Tensor packed)
    {
        var columns = packed[0].eq(Vocabulary.Separator).nonzero();
        if (columns.shape[0] == 0)
        {
            throw new ArgumentException("The tensor is not a packed (question, answer) pair: it has no <sep> column.", nameof(packed));
        }

        var at = columns[0, 0].item<long>();
        return (packed.narrow(1, 0, at), packed.narrow(1, at + 1, packed.shape[1] - at - 1));
    }
}

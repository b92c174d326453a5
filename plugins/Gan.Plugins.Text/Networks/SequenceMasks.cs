using Gan.Plugins.Text.Text;
using static TorchSharp.torch;

namespace Gan.Plugins.Text.Networks;

/// <summary>Helpers for right-padded token batches.</summary>
internal static class SequenceMasks
{
    /// <summary>Real tokens per row, at least 1 so an empty row still has a state to read, (B) int64.</summary>
    public static Tensor Lengths(Tensor tokens) => tokens.ne(Vocabulary.Pad).sum(1).clamp_min(1);

    /// <summary>
    /// The RNN output at each row's last real token, (B, H): for a unidirectional RNN over right-padded input this
    /// equals the final state of an unpadded run, without packing.
    /// </summary>
    public static Tensor LastState(Tensor outputs, Tensor lengths)
    {
        var index = (lengths - 1).view(-1, 1, 1).expand(-1, 1, outputs.shape[2]);
        return outputs.gather(1, index).squeeze(1);
    }

    /// <summary>
    /// Ids up to and including each row's first end token, the rest set to padding; (B, L) like the input.
    /// Generated answers are cut this way before scoring and evaluation.
    /// </summary>
    public static Tensor CutAtEnd(Tensor ids)
    {
        // A position is after the end when an end token occurred strictly before it.
        var isEnd = ids.eq(Vocabulary.End).to(ScalarType.Int64);
        var endsBefore = isEnd.cumsum(1) - isEnd;
        return ids.masked_fill(endsBefore.gt(0), Vocabulary.Pad);
    }
}

using Gan.Abstractions;
using Gan.Plugins.Text.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Plugins.Text.Data;

/// <summary>Turns encoded pairs into padded batches: "question" (B, Lq) and "answer" (B, La), int64, right-padded with &lt;pad&gt;.</summary>
public static class QaBatches
{
    /// <summary>The batch key of the question ids.</summary>
    public const string QuestionKey = "question";

    /// <summary>The batch key of the answer ids (ending with &lt;/s&gt;).</summary>
    public const string AnswerKey = "answer";

    /// <summary>A batch of <paramref name="pairs"/>, padded to the longest question and answer among them.</summary>
    public static Batch Collate(IReadOnlyList<EncodedPair> pairs) => new(new Dictionary<string, Tensor>
    {
        [QuestionKey] = Pad(pairs.Select(p => p.Question).ToList()),
        [AnswerKey] = Pad(pairs.Select(p => p.Answer).ToList()),
    });

    /// <summary>A (B, L) int64 tensor of <paramref name="rows"/>, right-padded; detached from any dispose scope.</summary>
    public static Tensor Pad(IReadOnlyList<long[]> rows)
    {
        var width = Math.Max(1, rows.Max(r => r.Length));
        var data = new long[rows.Count * width];
        for (var i = 0; i < rows.Count; i++)
        {
            Array.Fill(data, Vocabulary.Pad, i * width, width);
            rows[i].CopyTo(data, i * width);
        }

        return tensor(data, [rows.Count, width], ScalarType.Int64).DetachFromDisposeScope();
    }
}

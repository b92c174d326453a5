namespace Gan.Plugins.Text.Data;

/// <summary>A pair as token ids: the question, and the answer ending with the end token.</summary>
/// <param name="Question">Question ids (no start or end token).</param>
/// <param name="Answer">Answer ids followed by <c>&lt;/s&gt;</c>.</param>
/// <param name="Source">The original text.</param>
public sealed record EncodedPair(long[] Question, long[] Answer, QaPair Source);

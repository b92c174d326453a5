namespace Gan.Plugins.Text.Data;

/// <summary>One question with its reference answer, and where it was read from (for messages).</summary>
/// <param name="Question">The question text.</param>
/// <param name="Answer">The reference answer text.</param>
/// <param name="Origin">Where the pair came from, e.g. "qa.tsv, line 12".</param>
public sealed record QaPair(string Question, string Answer, string Origin);

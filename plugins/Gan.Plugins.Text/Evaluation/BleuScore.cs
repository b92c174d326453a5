namespace Gan.Plugins.Text.Evaluation;

/// <summary>A corpus BLEU result.</summary>
/// <param name="Bleu">BP · exp(mean log p_n), in [0, 1].</param>
/// <param name="Precisions">Modified (clipped) n-gram precisions p_1 .. p_N.</param>
/// <param name="BrevityPenalty">exp(1 − r/c) when c ≤ r, else 1.</param>
/// <param name="HypothesisLength">c: total hypothesis tokens.</param>
/// <param name="ReferenceLength">r: total effective reference tokens (closest reference length per sentence).</param>
public sealed record BleuScore(double Bleu, IReadOnlyList<double> Precisions, double BrevityPenalty, long HypothesisLength, long ReferenceLength);

namespace Gan.Plugins.Text.Networks;

/// <summary>How answers are decoded for evaluation, samples and the <c>answer</c> command.</summary>
public enum DecodingMethod
{
    /// <summary>The most likely token at each step.</summary>
    Greedy,

    /// <summary>Beam search (beam_size hypotheses).</summary>
    Beam,

    /// <summary>Sampling with temperature and top-k.</summary>
    Sample,
}

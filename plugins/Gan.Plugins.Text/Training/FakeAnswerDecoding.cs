namespace Gan.Plugins.Text.Training;

/// <summary>How the generator writes the answers the discriminator sees as fakes.</summary>
public enum FakeAnswerDecoding
{
    /// <summary>Each token drawn from the softmax (with the trainer's temperature): what the policy gradient needs.</summary>
    Sample,

    /// <summary>The most likely token at each step.</summary>
    Greedy,
}

namespace Gan.Plugins.Text.Data;

/// <summary>What to do with SQuAD 2.0 questions that have no answer in their paragraph.</summary>
public enum UnanswerableHandling
{
    /// <summary>Leave them out.</summary>
    Skip,

    /// <summary>Keep them with the configured answer text (e.g. "unanswerable").</summary>
    Token,
}

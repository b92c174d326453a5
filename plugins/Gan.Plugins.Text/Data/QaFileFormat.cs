namespace Gan.Plugins.Text.Data;

/// <summary>The layout of a question-answer file.</summary>
public enum QaFileFormat
{
    /// <summary>From the extension: .jsonl / .ndjson are JSON Lines, anything else tab-separated.</summary>
    Auto,

    /// <summary>question&lt;TAB&gt;answer per line; a first line "question&lt;TAB&gt;answer" is a header.</summary>
    Tsv,

    /// <summary>One JSON object per line with "question" and "answer" strings.</summary>
    Jsonl,
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Text.Data;

/// <summary>Options of the <c>qa-pairs</c> data source.</summary>
public sealed class QaPairsDataOptions : QaDataOptions
{
    /// <summary>The TSV or JSON Lines file; relative paths resolve against <c>data_root</c>.</summary>
    [Description("TSV (question<TAB>answer, optional header) or JSON Lines ({\"question\", \"answer\"}) file; relative to data_root.")]
    [Required]
    public string Path { get; set; } = "qa-general.tsv";

    /// <summary>The file layout; <c>auto</c> decides from the extension.</summary>
    [Description("auto (from the extension: .jsonl/.ndjson → jsonl, else tsv), tsv or jsonl.")]
    public QaFileFormat Format { get; set; } = QaFileFormat.Auto;
}

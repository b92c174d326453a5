using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Text.Data;

/// <summary>Options of the <c>squad</c> data source.</summary>
public sealed class SquadDataOptions : QaDataOptions
{
    /// <summary>The SQuAD v1.1 or v2.0 JSON file; relative paths resolve against <c>data_root</c>.</summary>
    [Description("SQuAD v1.1 or v2.0 JSON file; relative to data_root.")]
    [Required]
    public string Path { get; set; } = "squad/squad-v2.0-dev-first5articles.json";

    /// <summary>What happens to unanswerable (SQuAD 2.0) questions.</summary>
    [Description("skip: leave unanswerable questions out; token: keep them with unanswerable_answer as the answer.")]
    public UnanswerableHandling Unanswerable { get; set; } = UnanswerableHandling.Skip;

    /// <summary>The answer text given to unanswerable questions when <see cref="Unanswerable"/> is <c>token</c>.</summary>
    [Description("Answer text for unanswerable questions when unanswerable: token.")]
    [Required]
    public string UnanswerableAnswer { get; set; } = "unanswerable";
}

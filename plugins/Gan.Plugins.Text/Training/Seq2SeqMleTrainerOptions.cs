using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Text.Training;

/// <summary>Options of the <c>seq2seq-mle</c> trainer.</summary>
public sealed class Seq2SeqMleTrainerOptions
{
    /// <summary>The generator's role in <c>model:</c>.</summary>
    [Description("The generator's role in model:.")]
    public string Generator { get; set; } = "generator";

}

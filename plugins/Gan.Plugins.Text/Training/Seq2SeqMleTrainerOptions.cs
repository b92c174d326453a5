using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Text.Training;

/// <summary>Options of the <c>seq2seq-mle</c> trainer.</summary>
public sealed class Seq2SeqMleTrainerOptions
{
    /// <summary>The generator's role in <c>model:</c>.</summary>
    [Description("The generator's role in model:.")]
    public string Generator { get; set; } = "generator";

    /// <summary>Gradients are rescaled to at most this global L2 norm (0: off); usual for RNNs.</summary>
    [Description("Clip the gradients' global L2 norm to this value (0 disables), as usual for RNNs.")]
    [Range(0.0, 1e6)]
    public double GradientClip { get; set; } = 5.0;
}

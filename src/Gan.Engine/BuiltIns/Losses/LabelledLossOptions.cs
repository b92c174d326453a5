using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>Options of the losses that compare scores with real/fake targets (BCE and least squares).</summary>
public abstract class LabelledLossOptions : AdversarialLossOptions
{
    [Range(0.0, 0.5), Description("One-sided label smoothing: real targets become 1 - this value (Salimans et al. 2016).")]
    public double LabelSmoothing { get; set; }
}

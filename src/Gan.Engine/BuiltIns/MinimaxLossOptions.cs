using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.BuiltIns;

/// <summary>Options of the <c>minimax</c> loss.</summary>
public sealed class MinimaxLossOptions
{
    [Description("non_saturating: G minimises BCE(D(G(z)), 1), as the classic tutorial and the paper's practical advice; saturating: G maximises BCE(D(G(z)), 0), the literal minimax.")]
    public GeneratorObjective GeneratorObjective { get; set; } = GeneratorObjective.NonSaturating;

    [Range(0.0, 0.5), Description("One-sided label smoothing: real targets become 1 - this value (Salimans et al. 2016).")]
    public double LabelSmoothing { get; set; }
}

/// <summary>The generator's form of the minimax objective.</summary>
public enum GeneratorObjective
{
    NonSaturating,
    Saturating,
}

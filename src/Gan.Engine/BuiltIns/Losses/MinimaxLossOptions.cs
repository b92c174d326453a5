using System.ComponentModel;

namespace Gan.Engine.BuiltIns.Losses;

/// <summary>Options of the <c>minimax</c> loss.</summary>
public sealed class MinimaxLossOptions : LabelledLossOptions
{
    [Description("non_saturating: G minimises BCE(D(G(z)), 1), as the classic tutorial and the paper's practical advice; saturating: G maximises BCE(D(G(z)), 0), the literal minimax.")]
    public GeneratorObjective GeneratorObjective { get; set; } = GeneratorObjective.NonSaturating;
}

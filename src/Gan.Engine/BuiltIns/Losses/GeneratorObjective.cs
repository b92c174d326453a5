namespace Gan.Engine.BuiltIns.Losses;

/// <summary>The generator's form of the minimax objective.</summary>
public enum GeneratorObjective
{
    /// <summary>G minimises BCE(D(G(z)), 1): strong gradients early on (Goodfellow et al. 2014, §3).</summary>
    NonSaturating,

    /// <summary>G maximises BCE(D(G(z)), 0): the literal minimax game, which saturates when D wins.</summary>
    Saturating,
}

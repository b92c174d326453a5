namespace Gan.Engine.BuiltIns.Losses;

/// <summary>Options of the <c>ragan</c> loss.</summary>
public sealed class RelativisticAverageLossOptions : AdversarialLossOptions;

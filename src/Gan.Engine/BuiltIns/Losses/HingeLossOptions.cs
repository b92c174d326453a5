namespace Gan.Engine.BuiltIns.Losses;

/// <summary>Options of the <c>hinge</c> loss.</summary>
public sealed class HingeLossOptions : AdversarialLossOptions;

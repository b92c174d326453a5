namespace Gan.Engine.BuiltIns.Losses;

/// <summary>Options of the <c>non-saturating</c> loss.</summary>
public sealed class NonSaturatingLossOptions : LabelledLossOptions;

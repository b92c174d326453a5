namespace Gan.Engine.BuiltIns.Losses;

/// <summary>Options of the <c>lsgan</c> loss.</summary>
public sealed class LeastSquaresLossOptions : LabelledLossOptions;

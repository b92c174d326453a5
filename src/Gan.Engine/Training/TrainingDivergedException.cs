namespace Gan.Engine.Training;

/// <summary>A loss or metric became NaN or infinite; training cannot continue meaningfully.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainingDivergedException(string message) : base(message) { }
}

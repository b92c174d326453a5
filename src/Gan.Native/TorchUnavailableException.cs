namespace Gan.Native;

/// <summary>libtorch could not be loaded; the message says why and what to do.</summary>
public sealed class TorchUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TorchUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}

namespace Gan.Abstractions;

/// <summary>
/// A problem with what the user gave the program: an experiment file, a data file, a plugin folder.
/// The host prints <see cref="Exception.Message"/> without a stack trace and exits with code 2, so
/// the message must name the file (and where possible the line, record or byte offset) and say what
/// is wrong and how to fix it.
/// </summary>
public class GanInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GanInputException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public GanInputException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception.</summary>
    public GanInputException() { }
}

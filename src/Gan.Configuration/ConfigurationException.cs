using Gan.Abstractions;

namespace Gan.Configuration;

/// <summary>
/// The experiment file or its overrides are wrong. Carries every problem found, so the user can fix them
/// all in one go; <see cref="Exception.Message"/> lists them one per line, each prefixed by its location.
/// </summary>
public sealed class ConfigurationException : GanInputException
{
    /// <summary>Creates the exception from the errors found (at least one).</summary>
    public ConfigurationException(IReadOnlyList<ConfigurationError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for a single error.</summary>
    public ConfigurationException(SourceLocation? location, string message)
        : this([new ConfigurationError(location, message)])
    {
    }

    /// <summary>Creates the exception for a single error with its cause.</summary>
    public ConfigurationException(SourceLocation? location, string message, Exception innerException)
        : base(new ConfigurationError(location, message).ToString(), innerException)
    {
        Errors = [new ConfigurationError(location, message)];
    }

    /// <summary>The problems, ordered by position.</summary>
    public IReadOnlyList<ConfigurationError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<ConfigurationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? "invalid configuration" : string.Join(Environment.NewLine, errors);
    }
}

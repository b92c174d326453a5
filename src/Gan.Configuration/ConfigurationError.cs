namespace Gan.Configuration;

/// <summary>One problem found in an experiment file or a <c>--set</c> override.</summary>
/// <param name="Location">Where the problem is, when it can be pointed at.</param>
/// <param name="Message">What is wrong, naming the key path (<c>data.batch_size</c>).</param>
public sealed record ConfigurationError(SourceLocation? Location, string Message)
{
    /// <summary><c>location: message</c>, the form the host prints.</summary>
    public override string ToString() => Location is null ? Message : $"{Location}: {Message}";
}

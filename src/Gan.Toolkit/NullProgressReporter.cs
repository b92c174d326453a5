using Gan.Abstractions;

namespace Gan.Toolkit;

/// <summary>
/// A progress reporter that shows nothing, for tests, benchmarks and callers without a console; the same kind of
/// null object as <c>NullLogger</c>, so nobody writes their own.
/// </summary>
public sealed class NullProgressReporter : IProgressReporter, IProgressTask
{
    private NullProgressReporter()
    {
    }

    /// <summary>The one instance (it holds no state).</summary>
    public static NullProgressReporter Instance { get; } = new();

    /// <inheritdoc />
    public IProgressTask Start(string description, long? total, string unit = "items") => this;

    /// <inheritdoc />
    public void Advance(long amount)
    {
    }

    /// <inheritdoc />
    public void SetTotal(long total)
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}

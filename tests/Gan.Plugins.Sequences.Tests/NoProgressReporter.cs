using Gan.Abstractions;

namespace Gan.Plugins.Sequences.Tests;

/// <summary>A progress reporter that shows nothing.</summary>
internal sealed class NoProgressReporter : IProgressReporter, IProgressTask
{
    public IProgressTask Start(string description, long? total, string unit = "items") => this;

    public void Advance(long amount) { }

    public void SetTotal(long total) { }

    public void Dispose() { }
}

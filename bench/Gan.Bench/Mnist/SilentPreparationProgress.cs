using Gan.Abstractions;

namespace Gan.Bench.Mnist;

/// <summary>Preparation progress (downloads, decoding) that shows nothing: the benchmark prints its own report.</summary>
internal sealed class SilentPreparationProgress : IProgressReporter, IProgressTask
{
    public IProgressTask Start(string description, long? total, string unit = "items") => this;

    public void Advance(long amount) { }

    public void SetTotal(long total) { }

    public void Dispose() { }
}

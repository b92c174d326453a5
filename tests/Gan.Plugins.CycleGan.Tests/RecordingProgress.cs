using System.Collections.Concurrent;
using Gan.Abstractions;

namespace Gan.Plugins.CycleGan.Tests;

/// <summary>Records what progress was reported: task descriptions, totals and the amounts advanced.</summary>
internal sealed class RecordingProgress : IProgressReporter
{
    public ConcurrentQueue<(string Description, long? Total)> Started { get; } = new();

    public long Advanced => Interlocked.Read(ref _advanced);

    private long _advanced;

    public IProgressTask Start(string description, long? total, string unit = "items")
    {
        Started.Enqueue((description, total));
        return new Task(this);
    }

    private sealed class Task(RecordingProgress owner) : IProgressTask
    {
        public void Advance(long amount) => Interlocked.Add(ref owner._advanced, amount);

        public void SetTotal(long total) { }

        public void Dispose() { }
    }
}

using System.Collections.Concurrent;
using Gan.Abstractions;

namespace Gan.Plugins.Mnist.Tests;

/// <summary>A progress reporter that shows nothing and remembers what it was told, for assertions.</summary>
internal sealed class RecordingProgressReporter : IProgressReporter
{
    public ConcurrentQueue<RecordedTask> Tasks { get; } = new();

    public IProgressTask Start(string description, long? total, string unit = "items")
    {
        var task = new RecordedTask(description, total, unit);
        Tasks.Enqueue(task);
        return task;
    }

    internal sealed class RecordedTask(string description, long? total, string unit) : IProgressTask
    {
        private long _done;

        public string Description { get; } = description;

        public long? Total { get; private set; } = total;

        public string Unit { get; } = unit;

        public long Done => Interlocked.Read(ref _done);

        public bool Disposed { get; private set; }

        public void Advance(long amount) => Interlocked.Add(ref _done, amount);

        public void SetTotal(long total) => Total = total;

        public void Dispose() => Disposed = true;
    }
}

using System.Threading.Channels;
using Gan.Abstractions;

namespace Gan.Engine.Training;

/// <summary>
/// Reads a data source's epoch. With a capacity above zero it enumerates on a background thread, keeping that
/// many batches ready so that reading overlaps with the training step; with zero it reads on the caller's
/// thread. Batches left unread when the reader is disposed are disposed.
/// </summary>
internal sealed class PrefetchingBatchReader : IDisposable
{
    private readonly Channel<Batch> _channel;
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;
    private readonly IEnumerator<Batch>? _inline;

    public PrefetchingBatchReader(IEnumerable<Batch> source, int capacity, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(Math.Max(capacity, 1)) { SingleReader = true, SingleWriter = true });
        if (capacity == 0)
        {
            _inline = source.GetEnumerator();
            _channel.Writer.TryComplete();
            _producer = Task.CompletedTask;
            return;
        }

        _producer = Task.Factory.StartNew(() => Produce(source), _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Total time the training thread waited for a batch.</summary>
    public TimeSpan WaitTime { get; private set; }

    /// <summary>Returns the next batch, or null at the end of the epoch. Rethrows the source's errors.</summary>
    public Batch? Next()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            if (_inline is not null)
            {
                return _inline.MoveNext() ? _inline.Current : null;
            }

            var reader = _channel.Reader;
            while (true)
            {
                if (reader.TryRead(out var batch))
                {
                    return batch;
                }

                // Blocking here is the point: the training thread has nothing else to do without a batch.
                if (!reader.WaitToReadAsync(_stop.Token).AsTask().GetAwaiter().GetResult())
                {
                    _producer.GetAwaiter().GetResult(); // surfaces the producer's exception, if any
                    return null;
                }
            }
        }
        finally
        {
            WaitTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
    }

    private void Produce(IEnumerable<Batch> source)
    {
        try
        {
            foreach (var batch in source)
            {
                if (!_channel.Writer.TryWrite(batch))
                {
                    try
                    {
                        _channel.Writer.WriteAsync(batch, _stop.Token).AsTask().GetAwaiter().GetResult();
                    }
                    catch (OperationCanceledException)
                    {
                        batch.Dispose();
                        throw;
                    }
                }
            }

            _channel.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            _channel.Writer.TryComplete(ex is OperationCanceledException ? null : ex);
            if (ex is not OperationCanceledException)
            {
                throw;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _producer.Wait();
        }
        catch (AggregateException)
        {
            // The producer's error was already surfaced by Next(), or the reader is being abandoned.
        }

        while (_channel.Reader.TryRead(out var leftover))
        {
            leftover.Dispose();
        }

        _inline?.Dispose();

        _stop.Dispose();
    }
}

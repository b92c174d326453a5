using Gan.Abstractions;
using Gan.Toolkit;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Plugins.Sequences.Data;

/// <summary>
/// The prepared sequences of one split, each T + 1 values long, and how they are cut into batches: "x" holds
/// steps 0..T-1 and "y" steps 1..T (the next value at every step), both (B, T, 1). A GAN reads "x" as whole
/// sequences; the predictor reads "x" and "y" as one-step-ahead pairs.
/// </summary>
internal sealed class SequenceBatches : IDisposable
{
    private readonly Tensor _sequences;

    /// <summary>Takes <paramref name="sequences"/> (N, T + 1), scaled values.</summary>
    public SequenceBatches(float[,] sequences)
    {
        _sequences = tensor(sequences).DetachFromDisposeScope();
    }

    /// <summary>The number of sequences.</summary>
    public long Count => _sequences.shape[0];

    /// <summary>The length T of "x" and "y".</summary>
    public long Length => _sequences.shape[1] - 1;

    /// <summary>All sequences, (N, T + 1), on the CPU; callers must not dispose it.</summary>
    public Tensor All => _sequences;

    /// <summary>Batches per epoch at <paramref name="batchSize"/>, the last partial batch kept.</summary>
    public long BatchesPerEpoch(int batchSize) => (Count + batchSize - 1) / batchSize;

    /// <summary>Yields one epoch of batches, shuffled by (seed, epoch) when <paramref name="shuffle"/>.</summary>
    public IEnumerable<Batch> Read(EpochRequest request, int batchSize, bool shuffle, CancellationToken cancellationToken)
    {
        var batches = BatchesPerEpoch(batchSize);
        // The engine may enumerate inside a dispose scope on another thread: the order tensor lives for the
        // epoch and the batches belong to the engine, so neither may belong to that scope.
        using var order = (shuffle
            ? tensor(EpochOrder.Permutation(Count, request.Seed, request.Epoch))
            : arange(Count, dtype: ScalarType.Int64)).DetachFromDisposeScope();
        for (var b = request.SkipBatches; b < batches; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = b * batchSize;
            var length = Math.Min(batchSize, Count - start);
            using var slice = order.narrow(0, start, length);
            using var rows = _sequences.index_select(0, slice).DetachFromDisposeScope();
            // (B, T + 1)
            using var head = rows.narrow(1, 0, Length);
            using var tail = rows.narrow(1, 1, Length);
            var x = head.reshape(length, Length, 1).DetachFromDisposeScope();
            var y = tail.reshape(length, Length, 1).DetachFromDisposeScope();
            // (B, T, 1) each
            yield return new Batch(new Dictionary<string, Tensor> { [Batch.SamplesKey] = x, [Batch.TargetsKey] = y });
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sequences.Dispose();
}

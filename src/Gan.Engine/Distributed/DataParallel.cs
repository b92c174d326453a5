using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Engine.Distributed;

/// <summary>
/// One data-parallel run across MPI ranks (Horovod's scheme): rank 0's weights are broadcast when a stage starts,
/// every optimiser's gradients are averaged before it steps (packed into buckets so a step makes a few large
/// all-reduce calls), each rank trains on its share of every epoch's batches, the step values are averaged, and a
/// stop decided on one rank (early stopping on rank 0's metrics) ends the stage on all.
/// </summary>
internal sealed class DataParallel
{
    private readonly ICommunicator _communicator;
    private readonly long _bucketFloats;

    public DataParallel(ICommunicator communicator, LaunchEnvironment launch, int bucketMegabytes)
    {
        _communicator = communicator;
        Launch = launch;
        _bucketFloats = Math.Max(1, bucketMegabytes * 1024L * 1024 / sizeof(float));
    }

    public int Rank => _communicator.Rank;

    public int Size => _communicator.Size;

    public bool IsLeader => Rank == 0;

    public LaunchEnvironment Launch { get; }

    /// <summary>Time spent in MPI calls so far.</summary>
    public TimeSpan CommunicationTime => _communicator.CommunicationTime;

    /// <summary>All-reduce calls made so far (the benchmark reports them per step).</summary>
    public long Collectives { get; private set; }

    /// <summary>Copies rank 0's values of <paramref name="tensors"/> (parameters and buffers) to every rank.</summary>
    public void Broadcast(IEnumerable<Tensor> tensors)
    {
        using var noGrad = no_grad();
        Bucketed(tensors, _communicator.Broadcast, scale: null);
    }

    /// <summary>Replaces the gradients of <paramref name="parameters"/> with their mean over the ranks.</summary>
    public void AverageGradients(IEnumerable<Parameter> parameters)
    {
        var gradients = parameters.Select(p => p.grad).OfType<Tensor>();
        using var noGrad = no_grad();
        Bucketed(gradients, _communicator.SumInPlace, scale: 1.0 / Size);
    }

    /// <summary>The mean over the ranks of each value (the ranks report the same keys).</summary>
    public IReadOnlyDictionary<string, double> Average(IReadOnlyDictionary<string, double> values)
    {
        var keys = values.Keys.Order(StringComparer.Ordinal).ToArray();
        var buffer = keys.Select(k => values[k]).ToArray();
        _communicator.ReduceInPlace(buffer, ReduceOperation.Sum);
        Collectives++;
        return keys.Select((k, i) => (k, buffer[i] / Size)).ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal);
    }

    /// <summary>True on every rank when any rank wants to stop.</summary>
    public bool AnyStops(bool stop)
    {
        double[] flag = [stop ? 1 : 0];
        _communicator.ReduceInPlace(flag, ReduceOperation.Max);
        return flag[0] > 0;
    }

    /// <summary>Refuses to train when the ranks resolved different experiments (files or --set differ between nodes).</summary>
    public void VerifySameExperiment(string resolvedYaml)
    {
        double[] low = [Fingerprint(resolvedYaml)];
        double[] high = [low[0]];
        _communicator.ReduceInPlace(low, ReduceOperation.Min);
        _communicator.ReduceInPlace(high, ReduceOperation.Max);
        if (low[0] != high[0])
        {
            throw new DistributedSetupException(
                $"The {Size} ranks disagree on the experiment: their resolved files differ (a different file, --set, or data on some node). " +
                "Run 'gan validate --print' on each node to compare.");
        }
    }

    /// <summary>Ends every rank's process with <paramref name="exitCode"/>: the others may be waiting in a collective.</summary>
    public void Abort(int exitCode) => _communicator.Abort(exitCode);

    // 2^52 buckets of a 64-bit hash: exact in a double, so MIN and MAX compare fingerprints without loss.
    private static double Fingerprint(string text) =>
        (double)(BitConverter.ToUInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))) >> 12);

    /// <summary>
    /// Packs the tensors into flat float32 host tensors of the bucket size (a larger tensor gets a bucket of its own),
    /// runs <paramref name="collective"/> on each bucket's memory in place, scales, and copies the results back.
    /// </summary>
    private void Bucketed(IEnumerable<Tensor> tensors, Action<Span<float>> collective, double? scale)
    {
        using var scope = NewDisposeScope(); // the buckets and the wrappers of gradients read here
        var pending = new List<Tensor>();
        var filled = 0L;
        foreach (var tensor in tensors)
        {
            var length = tensor.numel();
            if (filled > 0 && filled + length > _bucketFloats)
            {
                Flush(pending, collective, scale);
                (pending, filled) = ([], 0);
            }

            pending.Add(tensor);
            filled += length;
        }

        if (filled > 0)
        {
            Flush(pending, collective, scale);
        }
    }

    private void Flush(List<Tensor> tensors, Action<Span<float>> collective, double? scale)
    {
        // One native copy into contiguous host memory, reduced in place by MPI through a span over it (no managed copy).
        var bucket = cat(tensors.Select(t => t.reshape(-1).to(ScalarType.Float32, CPU)).ToList()).contiguous();
        collective(MemoryMarshal.Cast<byte, float>(bucket.bytes));
        Collectives++;
        if (scale is { } factor)
        {
            bucket.mul_(factor);
        }

        var offset = 0L;
        foreach (var tensor in tensors)
        {
            var length = tensor.numel();
            tensor.copy_(bucket.narrow(0, offset, length).view(tensor.shape)); // back to the tensor's device and type
            offset += length;
        }
    }
}

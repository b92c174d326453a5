using Gan.Abstractions;
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
    private readonly int _bucketFloats;
    private float[] _buffer;

    public DataParallel(ICommunicator communicator, LaunchEnvironment launch, int bucketMegabytes)
    {
        _communicator = communicator;
        Launch = launch;
        _bucketFloats = Math.Max(1, bucketMegabytes * 1024 * 1024 / sizeof(float));
        _buffer = new float[_bucketFloats];
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
        Bucketed(tensors, (buffer, count) => _communicator.Broadcast(buffer, count), scale: null);
    }

    /// <summary>Replaces the gradients of <paramref name="parameters"/> with their mean over the ranks.</summary>
    public void AverageGradients(IEnumerable<Parameter> parameters)
    {
        var gradients = parameters.Select(p => p.grad).OfType<Tensor>();
        using var noGrad = no_grad();
        Bucketed(gradients, (buffer, count) => _communicator.SumInPlace(buffer, count), scale: 1.0 / Size);
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
    /// Packs the tensors into host buffers of the bucket size (a larger tensor gets a bucket of its own), runs
    /// <paramref name="collective"/> on each, scales, and copies the results back.
    /// </summary>
    private void Bucketed(IEnumerable<Tensor> tensors, Action<float[], int> collective, double? scale)
    {
        using var scope = NewDisposeScope(); // host copies and the wrappers of gradients read here
        var pending = new List<Tensor>();
        var filled = 0;
        foreach (var tensor in tensors)
        {
            var length = checked((int)tensor.numel());
            if (filled > 0 && filled + length > _bucketFloats)
            {
                Flush(pending, filled, collective, scale);
                (pending, filled) = ([], 0);
            }

            if (length > _buffer.Length)
            {
                _buffer = new float[length];
            }

            pending.Add(tensor);
            filled += length;
        }

        if (filled > 0)
        {
            Flush(pending, filled, collective, scale);
        }
    }

    private void Flush(List<Tensor> tensors, int count, Action<float[], int> collective, double? scale)
    {
        var hosts = tensors.Select(t => t.to(ScalarType.Float32, CPU).contiguous()).ToList();
        var offset = 0;
        foreach (var host in hosts)
        {
            host.data<float>().CopyTo(_buffer, offset);
            offset += (int)host.numel();
        }

        collective(_buffer, count);
        Collectives++;
        offset = 0;
        for (var i = 0; i < tensors.Count; i++)
        {
            // A fresh host tensor: the one above may share the original's memory, whose values must not change halfway.
            var length = (int)hosts[i].numel();
            var result = tensor(_buffer.AsSpan(offset, length).ToArray()).reshape(tensors[i].shape);
            offset += length;
            tensors[i].copy_(scale is { } factor ? result.mul_(factor) : result); // back to the tensor's device and type
        }
    }
}

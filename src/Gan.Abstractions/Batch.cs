using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Abstractions;

/// <summary>
/// One mini-batch: named tensors with the same leading (batch) dimension. Image data uses
/// <see cref="Samples"/> ("x"); labels, conditions or targets use further names ("y", "question").
/// A batch owns its tensors: the engine disposes it after the training step.
/// </summary>
public sealed class Batch : IDisposable
{
    /// <summary>The conventional name of the main input tensor.</summary>
    public const string SamplesKey = "x";

    /// <summary>The conventional name of labels or targets.</summary>
    public const string TargetsKey = "y";

    private readonly Dictionary<string, Tensor> _tensors;

    /// <summary>Creates a batch that takes ownership of <paramref name="tensors"/>.</summary>
    public Batch(IReadOnlyDictionary<string, Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one tensor.", nameof(tensors));
        }

        _tensors = new Dictionary<string, Tensor>(tensors, StringComparer.Ordinal);
        Count = _tensors.Values.First().shape[0];
    }

    /// <summary>Creates a batch of samples only.</summary>
    public Batch(Tensor samples) : this(new Dictionary<string, Tensor> { [SamplesKey] = samples }) { }

    /// <summary>The number of examples (size of the leading dimension).</summary>
    public long Count { get; }

    /// <summary>The tensor named <paramref name="name"/>.</summary>
    public Tensor this[string name] => _tensors.TryGetValue(name, out var t)
        ? t
        : throw new KeyNotFoundException($"The batch has no tensor named '{name}' (it has: {string.Join(", ", _tensors.Keys)}).");

    /// <summary>The main input tensor, <c>this["x"]</c>.</summary>
    public Tensor Samples => this[SamplesKey];

    /// <summary>The names of the tensors in this batch.</summary>
    public IEnumerable<string> Names => _tensors.Keys;

    /// <summary>Whether the batch has a tensor named <paramref name="name"/>.</summary>
    public bool Contains(string name) => _tensors.ContainsKey(name);

    /// <summary>
    /// Returns a batch whose tensors live on <paramref name="device"/>. When they already do, returns
    /// this batch; otherwise the new batch owns copies and this one is disposed.
    /// </summary>
    public Batch MoveTo(Device device)
    {
        // Device objects compare by reference, so compare type and index.
        if (_tensors.Values.All(t => t.device_type == device.type && (device.index < 0 || t.device_index == device.index)))
        {
            return this;
        }

        var moved = _tensors.ToDictionary(kv => kv.Key, kv => kv.Value.to(device).DetachFromDisposeScope());
        Dispose();
        return new Batch(moved);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in _tensors.Values)
        {
            tensor.Dispose();
        }
    }
}

using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Plugins.Mnist;

/// <summary>
/// One split held in memory as a single tensor, so that a batch is one <c>index_select</c> and no per-batch
/// decoding or scaling happens during training.
/// </summary>
internal sealed class MnistSplit : IDisposable
{
    private MnistSplit(Tensor images, Tensor labels)
    {
        Images = images;
        Labels = labels;
    }

    /// <summary>float32 (N, 1, rows, cols) in [-1, 1], on the CPU, outside any dispose scope.</summary>
    public Tensor Images { get; }

    /// <summary>int64 (N).</summary>
    public Tensor Labels { get; }

    /// <summary>The number of examples.</summary>
    public long Count => Labels.shape[0];

    /// <summary>Builds the tensors from decoded images (N, rows, cols) and labels (N), already checked to agree.</summary>
    public static MnistSplit Create(IdxFile images, IdxFile labels)
    {
        var dims = images.Dimensions;
        // The tensors outlive whatever dispose scope the caller may be in: they are freed by Dispose.
        using var scope = NewDisposeScope();
        // Same scaling as the tutorial's Normalize((0.5,), (0.5,)) after ToTensor: x/127.5 - 1, in float32 as torch
        // does it, but in managed code: this runs on a thread-pool thread (PrepareAsync), and a torch operation big
        // enough to run in parallel would give that thread an OpenMP team of its own for the rest of the process,
        // which throttles the training thread's team (docs/plugin-authoring.md, "Threads and torch operations").
        // Written straight into the tensor's native memory: a managed float[] copied into a tensor held both copies
        // (4 bytes per pixel, 188 MB for MNIST's training split) at once, which set the process's peak memory.
        var scaled = empty([dims[0], 1, dims[1], dims[2]], ScalarType.Float32);
        var pixels = MemoryMarshal.Cast<byte, float>(scaled.bytes);
        var source = images.Data;
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (source[i] / 127.5f) - 1f;
        }

        var targets = empty([labels.Dimensions[0]], ScalarType.Int64);
        var classes = MemoryMarshal.Cast<byte, long>(targets.bytes);
        for (var i = 0; i < classes.Length; i++)
        {
            classes[i] = labels.Data[i];
        }

        return new MnistSplit(scaled.DetachFromDisposeScope(), targets.DetachFromDisposeScope());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}

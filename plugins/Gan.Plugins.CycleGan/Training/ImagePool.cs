using Gan.Abstractions;
using Gan.Toolkit;
using static TorchSharp.torch;

namespace Gan.Plugins.CycleGan.Training;

/// <summary>
/// The reference's ImagePool (Shrivastava et al.): a buffer of up to <c>pool_size</c> earlier fakes. While it
/// fills, each fake is stored and returned; once full, each fake is, with probability ½, swapped for a random
/// stored one (the stored one is returned), else returned as is. Stored tensors outlive the step, so they are
/// detached from the dispose scope and owned (and disposed) by the pool. Its random stream is a
/// <see cref="SeededRandom"/> so that a checkpoint can save and restore it with the stored images.
/// </summary>
internal sealed class ImagePool : IDisposable
{
    private readonly int _capacity;
    private readonly SeededRandom _random;
    private readonly List<Tensor> _images = [];

    /// <summary>Creates an empty pool; <paramref name="capacity"/> 0 turns it off.</summary>
    public ImagePool(int capacity, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _random = new SeededRandom(seed, stream: 0);
    }

    /// <summary>Images stored.</summary>
    public int Count => _images.Count;

    /// <summary>The images the discriminator sees for this batch of fakes (B, C, H, W); the result belongs to the caller's scope.</summary>
    public Tensor Query(Tensor fakes)
    {
        var detached = fakes.detach();
        if (_capacity == 0)
        {
            return detached;
        }

        var returned = new List<Tensor>((int)detached.shape[0]);
        var released = new List<Tensor>();
        for (var i = 0L; i < detached.shape[0]; i++)
        {
            var image = detached[i].unsqueeze(0);
            if (_images.Count < _capacity)
            {
                _images.Add(image.clone().DetachFromDisposeScope());
                returned.Add(image);
            }
            else if (_random.NextDouble() > 0.5)
            {
                var slot = _random.Next(_capacity);
                // The stored tensor leaves the pool: it is copied into the result below, then freed.
                var previous = _images[slot];
                _images[slot] = image.clone().DetachFromDisposeScope();
                returned.Add(previous);
                released.Add(previous);
            }
            else
            {
                returned.Add(image);
            }
        }

        var result = cat(returned, 0);
        foreach (var tensor in released)
        {
            tensor.Dispose();
        }

        return result;
    }

    /// <summary>Saves the stored images, in slot order, and the random stream under <paramref name="prefix"/>.</summary>
    public void SaveState(ComponentState state, string prefix)
    {
        state.Set($"{prefix}/random", _random.State);
        state.Set($"{prefix}/count", (long)_images.Count);
        if (_images.Count > 0)
        {
            using var stacked = cat(_images, 0);
            state.SetTensor($"{prefix}/images", stacked);
        }
    }

    /// <summary>Restores what <see cref="SaveState"/> wrote, on the device of the pool's future fakes.</summary>
    public void LoadState(ComponentState state, string prefix, Device device)
    {
        Dispose();
        _random.State = state.GetUInt64($"{prefix}/random");
        var count = state.GetInt64($"{prefix}/count");
        if (count == 0)
        {
            return;
        }

        using var scope = NewDisposeScope(); // the slices and copies in between; the stored images are detached from it
        var images = state.GetTensor($"{prefix}/images");
        for (var i = 0L; i < count; i++)
        {
            _images.Add(images[i].unsqueeze(0).to(device).clone().DetachFromDisposeScope());
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var image in _images)
        {
            image.Dispose();
        }

        _images.Clear();
    }
}

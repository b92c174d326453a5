using static TorchSharp.torch;

namespace Gan.Plugins.CycleGan.Training;

/// <summary>
/// The reference's ImagePool (Shrivastava et al.): a buffer of up to <c>pool_size</c> earlier fakes. While it
/// fills, each fake is stored and returned; once full, each fake is, with probability ½, swapped for a random
/// stored one (the stored one is returned), else returned as is. Stored tensors outlive the step, so they are
/// detached from the dispose scope and owned (and disposed) by the pool.
/// </summary>
internal sealed class ImagePool : IDisposable
{
    private readonly int _capacity;
    private readonly Random _random;
    private readonly List<Tensor> _images = [];

    /// <summary>Creates an empty pool; <paramref name="capacity"/> 0 turns it off.</summary>
    public ImagePool(int capacity, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _random = new Random(seed);
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

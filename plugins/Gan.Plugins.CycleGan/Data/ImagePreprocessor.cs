using Gan.Plugins.CycleGan.Images;
using static TorchSharp.torch;

namespace Gan.Plugins.CycleGan.Data;

/// <summary>
/// The reference's <c>resize_and_crop</c> transform: resize to load_size x load_size (bicubic), crop
/// crop_size x crop_size at the drawn offset, mirror when drawn, scale to [-1, 1].
/// </summary>
internal sealed class ImagePreprocessor
{
    private readonly int _loadSize;
    private readonly int _cropSize;

    public ImagePreprocessor(int loadSize, int cropSize)
    {
        _loadSize = loadSize;
        _cropSize = cropSize;
    }

    /// <summary>Float values of one (3, crop, crop) image, ready to copy into a batch.</summary>
    public float[] Apply(DecodedImage image, SampleDraw draw)
    {
        // A private scope frees every intermediate of the image at once.
        using var scope = NewDisposeScope();
        var full = ImageTensors.FromImage(image);
        var resized = ImageTensors.Resize(full, _loadSize, _loadSize);
        // 3 x load x load
        var cropped = resized.narrow(1, draw.CropY, _cropSize).narrow(2, draw.CropX, _cropSize);
        // 3 x crop x crop
        var result = draw.Flip ? cropped.flip(2) : cropped;
        return result.contiguous().data<float>().ToArray();
    }
}

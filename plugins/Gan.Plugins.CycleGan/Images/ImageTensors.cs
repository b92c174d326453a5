using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Plugins.CycleGan.Images;

/// <summary>Conversions between RGB bytes and (3, H, W) float tensors in [-1, 1], and the resize used everywhere.</summary>
internal static class ImageTensors
{
    /// <summary>(3, H, W) float32 in [-1, 1], as torchvision's ToTensor + Normalize((0.5,)*3, (0.5,)*3).</summary>
    public static Tensor FromImage(DecodedImage image)
    {
        using var bytes = tensor(image.Rgb, [image.Height, image.Width, 3]);
        using var chw = bytes.permute(2, 0, 1);
        return chw.to(ScalarType.Float32).div_(127.5).sub_(1.0);
    }

    /// <summary>Bicubic resize of (3, H, W) or (B, 3, H, W) to <paramref name="height"/> x <paramref name="width"/>,
    /// antialiased when shrinking like PIL's, clamped to [-1, 1].</summary>
    public static Tensor Resize(Tensor images, long height, long width)
    {
        var batched = images.dim() == 3 ? images.unsqueeze(0) : images.alias();
        using (batched)
        {
            if (batched.shape[2] == height && batched.shape[3] == width)
            {
                return images.clone();
            }

            using var resized = F.interpolate(batched, [height, width], mode: InterpolationMode.Bicubic, align_corners: false, antialias: true);
            using var clamped = resized.clamp(-1.0, 1.0);
            return images.dim() == 3 ? clamped.squeeze(0) : clamped.alias();
        }
    }

    /// <summary>(3, H, W) in [-1, 1] back to RGB bytes.</summary>
    public static DecodedImage ToImage(Tensor image)
    {
        using var scope = NewDisposeScope();
        var bytes = image.detach().cpu().add(1.0).mul_(127.5).clamp_(0, 255).round_().to(ScalarType.Byte).permute(1, 2, 0).contiguous();
        return new DecodedImage(bytes.data<byte>().ToArray(), (int)image.shape[2], (int)image.shape[1]);
    }
}

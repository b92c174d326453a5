using StbImageWriteSharp;

namespace Gan.Plugins.CycleGan.Images;

/// <summary>Writes RGB images as PNG or JPEG, chosen by the file extension.</summary>
internal static class ImageEncoder
{
    /// <summary>Encodes <paramref name="image"/> as PNG.</summary>
    public static byte[] ToPng(DecodedImage image)
    {
        using var stream = new MemoryStream();
        new ImageWriter().WritePng(image.Rgb, image.Width, image.Height, ColorComponents.RedGreenBlue, stream);
        return stream.ToArray();
    }

    /// <summary>Writes <paramref name="image"/> to <paramref name="path"/>: JPEG (quality 95) for .jpg/.jpeg, else PNG.</summary>
    public static void Save(DecodedImage image, string path)
    {
        using var stream = File.Create(path);
        var writer = new ImageWriter();
        var extension = Path.GetExtension(path);
        if (extension.Equals(".jpg", StringComparison.OrdinalIgnoreCase) || extension.Equals(".jpeg", StringComparison.OrdinalIgnoreCase))
        {
            writer.WriteJpg(image.Rgb, image.Width, image.Height, ColorComponents.RedGreenBlue, stream, 95);
        }
        else
        {
            writer.WritePng(image.Rgb, image.Width, image.Height, ColorComponents.RedGreenBlue, stream);
        }
    }
}

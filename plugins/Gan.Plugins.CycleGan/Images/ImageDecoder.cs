using Gan.Abstractions;
using StbImageSharp;

namespace Gan.Plugins.CycleGan.Images;

/// <summary>Decodes JPEG, PNG and BMP files of any colour mode to 8-bit RGB (grey is replicated, alpha dropped).</summary>
internal static class ImageDecoder
{
    /// <summary>File extensions read as images (case-insensitive).</summary>
    public static IReadOnlySet<string> Extensions { get; } =
        new HashSet<string>([".jpg", ".jpeg", ".png", ".bmp"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="path"/> has an image extension.</summary>
    public static bool IsImageFile(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>Decodes <paramref name="path"/> to RGB.</summary>
    /// <exception cref="GanInputException">The file cannot be read or is not a decodable image; the message names it.</exception>
    public static DecodedImage Decode(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GanInputException($"{path}: cannot read the image file: {e.Message}", e);
        }

        return Decode(bytes, path);
    }

    /// <summary>Decodes an encoded image held in memory; <paramref name="name"/> is used in error messages.</summary>
    public static DecodedImage Decode(byte[] bytes, string name)
    {
        ImageResult image;
        try
        {
            // RedGreenBlue asks stb to convert: grey is replicated to three channels, alpha is dropped.
            image = ImageResult.FromMemory(bytes, ColorComponents.RedGreenBlue);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // stb reports corrupt data with whatever exception its decoder hits (IOException, InvalidOperation, ...).
            throw new GanInputException($"{name}: not a readable JPEG, PNG or BMP image ({bytes.Length:N0} bytes): {e.Message}", e);
        }

        if (image.Width <= 0 || image.Height <= 0 || image.Data is null || image.Data.Length < image.Width * image.Height * 3)
        {
            throw new GanInputException($"{name}: the image decodes to no pixels ({image.Width}x{image.Height}).");
        }

        return new DecodedImage(image.Data, image.Width, image.Height);
    }

    /// <summary>Reads only the header: null when <paramref name="path"/> is not a JPEG/PNG/BMP image.</summary>
    public static (int Width, int Height)? Probe(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var info = ImageInfo.FromStream(stream);
            return info is { Width: > 0, Height: > 0 } i ? (i.Width, i.Height) : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}

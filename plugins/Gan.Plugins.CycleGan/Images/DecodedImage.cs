namespace Gan.Plugins.CycleGan.Images;

/// <summary>An 8-bit RGB image, row-major, 3 bytes per pixel.</summary>
internal sealed record DecodedImage(byte[] Rgb, int Width, int Height);

using StbImageWriteSharp;

namespace Gan.Plugins.Sequences.Plotting;

/// <summary>An RGB raster with the few drawing operations line plots need, encoded as PNG by StbImageWriteSharp.</summary>
internal sealed class Canvas
{
    private readonly byte[] _pixels;

    /// <summary>A white canvas.</summary>
    public Canvas(int width, int height)
    {
        Width = width;
        Height = height;
        _pixels = new byte[width * height * 3];
        Array.Fill(_pixels, (byte)255);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Sets one pixel; outside the canvas is ignored.</summary>
    public void Set(int x, int y, Rgb color)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height)
        {
            return;
        }

        var i = ((y * Width) + x) * 3;
        (_pixels[i], _pixels[i + 1], _pixels[i + 2]) = (color.R, color.G, color.B);
    }

    /// <summary>The colour at a pixel.</summary>
    public Rgb Get(int x, int y)
    {
        var i = ((y * Width) + x) * 3;
        return new Rgb(_pixels[i], _pixels[i + 1], _pixels[i + 2]);
    }

    /// <summary>Fills a rectangle.</summary>
    public void Fill(int x, int y, int width, int height, Rgb color)
    {
        for (var yy = y; yy < y + height; yy++)
        {
            for (var xx = x; xx < x + width; xx++)
            {
                Set(xx, yy, color);
            }
        }
    }

    /// <summary>A straight line (Bresenham), <paramref name="thickness"/> pixels wide.</summary>
    public void Line(double x0, double y0, double x1, double y1, Rgb color, int thickness = 1, int dash = 0)
    {
        int ax = (int)Math.Round(x0), ay = (int)Math.Round(y0), bx = (int)Math.Round(x1), by = (int)Math.Round(y1);
        int dx = Math.Abs(bx - ax), dy = -Math.Abs(by - ay), sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1, error = dx + dy;
        var count = 0;
        while (true)
        {
            if (dash == 0 || (count / dash) % 2 == 0)
            {
                for (var t = 0; t < thickness; t++)
                {
                    Set(ax + (dy == 0 ? 0 : t), ay + (dy == 0 ? t : 0), color);
                    Set(ax, ay + t, color);
                }
            }

            count++;
            if (ax == bx && ay == by)
            {
                break;
            }

            var e2 = 2 * error;
            if (e2 >= dy)
            {
                error += dy;
                ax += sx;
            }

            if (e2 <= dx)
            {
                error += dx;
                ay += sy;
            }
        }
    }

    /// <summary>Text in <see cref="PixelFont"/>, each font pixel drawn as a <paramref name="scale"/>² block; returns the width drawn.</summary>
    public int Text(int x, int y, string text, Rgb color, int scale = 2)
    {
        var advance = (PixelFont.Width + 1) * scale;
        for (var i = 0; i < text.Length; i++)
        {
            for (var gy = 0; gy < PixelFont.Height; gy++)
            {
                for (var gx = 0; gx < PixelFont.Width; gx++)
                {
                    if (PixelFont.IsSet(text[i], gx, gy))
                    {
                        Fill(x + (i * advance) + (gx * scale), y + (gy * scale), scale, scale, color);
                    }
                }
            }
        }

        return text.Length * advance;
    }

    /// <summary>The width <see cref="Text"/> would draw.</summary>
    public static int TextWidth(string text, int scale = 2) => text.Length * (PixelFont.Width + 1) * scale;

    /// <summary>The canvas as a PNG file.</summary>
    public byte[] ToPng()
    {
        using var stream = new MemoryStream();
        new ImageWriter().WritePng(_pixels, Width, Height, ColorComponents.RedGreenBlue, stream);
        return stream.ToArray();
    }
}

using Gan.Plugins.Midi.Metrics;
using StbImageWriteSharp;

namespace Gan.Plugins.Midi.Samples;

/// <summary>
/// Draws segments as a PNG: one column per segment, one row per track, time to the right and pitch upwards,
/// notes in the track's colour on white (drums grey), bar lines in light grey.
/// </summary>
public static class PianoRollImage
{
    private static readonly byte[][] Colours =
    [
        [60, 60, 60], [31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189], [140, 86, 75], [227, 119, 194],
    ];

    /// <summary>Encodes <paramref name="rolls"/> as a PNG; each cell is <paramref name="pixelWidth"/> × <paramref name="pixelHeight"/> pixels.</summary>
    public static byte[] ToPng(BinaryRolls rolls, int pixelWidth = 2, int pixelHeight = 1, int padding = 4)
    {
        ArgumentNullException.ThrowIfNull(rolls);
        var layout = rolls.Layout;
        var tracks = layout.Tracks.Count;
        var steps = layout.StepsPerSegment;
        var cellWidth = steps * pixelWidth;
        var cellHeight = layout.Pitches * pixelHeight;
        var width = (rolls.Count * (cellWidth + padding)) + padding;
        var height = (tracks * (cellHeight + padding)) + padding;
        var pixels = new byte[width * height * 3];
        Array.Fill(pixels, (byte)170);
        for (var n = 0; n < rolls.Count; n++)
        {
            for (var t = 0; t < tracks; t++)
            {
                var originX = padding + (n * (cellWidth + padding));
                var originY = padding + (t * (cellHeight + padding));
                var colour = layout.Tracks[t].IsDrum ? Colours[0] : Colours[1 + (t % (Colours.Length - 1))];
                for (var y = 0; y < cellHeight; y++)
                {
                    var pitch = layout.Pitches - 1 - (y / pixelHeight);
                    for (var x = 0; x < cellWidth; x++)
                    {
                        var step = x / pixelWidth;
                        byte[] rgb = rolls[n, t, step / layout.StepsPerBar, step % layout.StepsPerBar, pitch]
                            ? colour
                            : step % layout.StepsPerBar == 0 && x % pixelWidth == 0 ? [215, 215, 215] : [255, 255, 255];
                        var target = ((((originY + y) * width) + originX + x) * 3);
                        pixels[target] = rgb[0];
                        pixels[target + 1] = rgb[1];
                        pixels[target + 2] = rgb[2];
                    }
                }
            }
        }

        using var stream = new MemoryStream();
        new ImageWriter().WritePng(pixels, width, height, ColorComponents.RedGreenBlue, stream);
        return stream.ToArray();
    }
}

namespace Gan.Plugins.Midi.Metrics;

/// <summary>
/// MuseGAN's objective metrics (Dong et al., AAAI 2018, §5) on binary piano-rolls, written from their
/// definitions. Each returns NaN when it is undefined (no bars, no notes) so callers can leave it out.
/// </summary>
public static class MuseGanMetrics
{
    // Harte, Sandler and Gasser (2006): the 6-D tonal centroid's circles of fifths, minor thirds and major thirds.
    private static readonly double[,] TonalMatrix = BuildTonalMatrix();

    /// <summary>EB: the share of bars of <paramref name="track"/> with no note at all (0 = none empty, 1 = all empty).
    /// Note: the reference code's function of this name returns the share of non-empty bars; this is the definition.</summary>
    public static double EmptyBarRate(BinaryRolls rolls, int track)
    {
        ArgumentNullException.ThrowIfNull(rolls);
        var bars = rolls.Count * rolls.Layout.Bars;
        if (bars == 0)
        {
            return double.NaN;
        }

        var empty = 0;
        ForEachBar(rolls, (n, bar) => empty += IsEmpty(rolls, n, track, bar) ? 1 : 0);
        return empty / (double)bars;
    }

    /// <summary>UPC: distinct pitch classes used per bar, averaged over the non-empty bars of <paramref name="track"/> (0..12).</summary>
    public static double UsedPitchClasses(BinaryRolls rolls, int track)
    {
        ArgumentNullException.ThrowIfNull(rolls);
        var layout = rolls.Layout;
        double total = 0;
        var bars = 0;
        ForEachBar(rolls, (n, bar) =>
        {
            var used = new bool[12];
            for (var s = 0; s < layout.StepsPerBar; s++)
            {
                for (var p = 0; p < layout.Pitches; p++)
                {
                    if (rolls[n, track, bar, s, p])
                    {
                        used[(layout.LowestPitch + p) % 12] = true;
                    }
                }
            }

            var count = used.Count(u => u);
            if (count > 0)
            {
                total += count;
                bars++;
            }
        });
        return bars == 0 ? double.NaN : total / bars;
    }

    /// <summary>
    /// QN: the share of notes of <paramref name="track"/> lasting at least <paramref name="minSteps"/> time steps
    /// (MuseGAN: 3). A note is a maximal run of consecutive on-steps of one pitch in a segment.
    /// </summary>
    public static double QualifiedNoteRate(BinaryRolls rolls, int track, int minSteps)
    {
        ArgumentNullException.ThrowIfNull(rolls);
        var layout = rolls.Layout;
        var length = layout.StepsPerSegment;
        long notes = 0, qualified = 0;
        for (var n = 0; n < rolls.Count; n++)
        {
            for (var p = 0; p < layout.Pitches; p++)
            {
                var run = 0;
                for (var t = 0; t <= length; t++)
                {
                    var on = t < length && rolls[n, track, t / layout.StepsPerBar, t % layout.StepsPerBar, p];
                    if (on)
                    {
                        run++;
                    }
                    else if (run > 0)
                    {
                        notes++;
                        qualified += run >= minSteps ? 1 : 0;
                        run = 0;
                    }
                }
            }
        }

        return notes == 0 ? double.NaN : qualified / (double)notes;
    }

    /// <summary>
    /// DP: the share of drum cells on the 8- and 16-beat grid, as in the reference code: each on-cell weighs 1 on a
    /// sixteenth-note position, <paramref name="tolerance"/> one step off it, 0 elsewhere (eighth-note grid when
    /// the beat cannot be split in four; the beat itself when it cannot be split in two).
    /// </summary>
    public static double DrumPatternRate(BinaryRolls rolls, int track, double tolerance = 0.1)
    {
        ArgumentNullException.ThrowIfNull(rolls);
        var layout = rolls.Layout;
        var perBeat = layout.StepsPerBeat;
        var grid = perBeat % 4 == 0 ? perBeat / 4 : perBeat % 2 == 0 ? perBeat / 2 : perBeat;
        double inPattern = 0;
        long cells = 0;
        ForEachBar(rolls, (n, bar) =>
        {
            for (var s = 0; s < layout.StepsPerBar; s++)
            {
                var offset = s % grid;
                var weight = offset == 0 ? 1.0 : offset == 1 || offset == grid - 1 ? tolerance : 0.0;
                for (var p = 0; p < layout.Pitches; p++)
                {
                    if (rolls[n, track, bar, s, p])
                    {
                        cells++;
                        inPattern += weight;
                    }
                }
            }
        });
        return cells == 0 ? double.NaN : inPattern / cells;
    }

    /// <summary>
    /// TD: the Euclidean distance between the 6-D tonal centroids (Harte et al. 2006) of two tracks' chroma,
    /// per bar, averaged over the bars where both tracks play. Smaller means more harmonically related.
    /// </summary>
    public static double TonalDistance(BinaryRolls rolls, int trackA, int trackB)
    {
        ArgumentNullException.ThrowIfNull(rolls);
        double total = 0;
        var bars = 0;
        ForEachBar(rolls, (n, bar) =>
        {
            if (TonalCentroid(rolls, n, trackA, bar) is { } a && TonalCentroid(rolls, n, trackB, bar) is { } b)
            {
                total += Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
                bars++;
            }
        });
        return bars == 0 ? double.NaN : total / bars;
    }

    /// <summary>The 6-D tonal centroid of a chroma vector (12 values), normalised to unit L1 norm first; null when all zero.</summary>
    public static double[]? TonalCentroid(IReadOnlyList<double> chroma)
    {
        ArgumentNullException.ThrowIfNull(chroma);
        var norm = chroma.Sum(Math.Abs);
        if (norm == 0)
        {
            return null;
        }

        var centroid = new double[6];
        for (var d = 0; d < 6; d++)
        {
            for (var l = 0; l < 12; l++)
            {
                centroid[d] += TonalMatrix[d, l] * chroma[l] / norm;
            }
        }

        return centroid;
    }

    private static double[]? TonalCentroid(BinaryRolls rolls, int n, int track, int bar)
    {
        var layout = rolls.Layout;
        var chroma = new double[12];
        for (var s = 0; s < layout.StepsPerBar; s++)
        {
            for (var p = 0; p < layout.Pitches; p++)
            {
                if (rolls[n, track, bar, s, p])
                {
                    chroma[(layout.LowestPitch + p) % 12]++;
                }
            }
        }

        return TonalCentroid(chroma);
    }

    private static bool IsEmpty(BinaryRolls rolls, int n, int track, int bar)
    {
        var layout = rolls.Layout;
        for (var s = 0; s < layout.StepsPerBar; s++)
        {
            for (var p = 0; p < layout.Pitches; p++)
            {
                if (rolls[n, track, bar, s, p])
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void ForEachBar(BinaryRolls rolls, Action<int, int> action)
    {
        for (var n = 0; n < rolls.Count; n++)
        {
            for (var bar = 0; bar < rolls.Layout.Bars; bar++)
            {
                action(n, bar);
            }
        }
    }

    private static double[,] BuildTonalMatrix()
    {
        // Rows: (sin, cos) of the circle of fifths (r1 = 1, angle 7π/6 per semitone), minor thirds (r2 = 1, 3π/2)
        // and major thirds (r3 = 0.5, 2π/3).
        var matrix = new double[6, 12];
        (double Radius, double Angle)[] circles = [(1.0, 7 * Math.PI / 6), (1.0, 3 * Math.PI / 2), (0.5, 2 * Math.PI / 3)];
        for (var c = 0; c < 3; c++)
        {
            for (var l = 0; l < 12; l++)
            {
                matrix[2 * c, l] = circles[c].Radius * Math.Sin(l * circles[c].Angle);
                matrix[(2 * c) + 1, l] = circles[c].Radius * Math.Cos(l * circles[c].Angle);
            }
        }

        return matrix;
    }
}

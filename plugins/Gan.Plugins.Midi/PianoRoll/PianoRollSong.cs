namespace Gan.Plugins.Midi.PianoRoll;

/// <summary>
/// A whole MIDI file as a binary multi-track piano-roll on the layout's time grid: cells[(track * Steps + step) * Pitches + pitch]
/// is 1 while a note sounds. Built by <see cref="PianoRollConverter"/>, cut into segments by <see cref="Segments"/>.
/// </summary>
public sealed class PianoRollSong
{
    private readonly int[] _onsetSteps;

    internal PianoRollSong(PianoRollLayout layout, int steps, byte[] cells, int[] onsetSteps, int notes, int droppedNotes)
    {
        Layout = layout;
        Steps = steps;
        Cells = cells;
        _onsetSteps = onsetSteps;
        Notes = notes;
        DroppedNotes = droppedNotes;
    }

    /// <summary>The grid.</summary>
    public PianoRollLayout Layout { get; }

    /// <summary>Time steps in the song.</summary>
    public int Steps { get; }

    /// <summary>The cells, tracks × steps × pitches, 0 or 1.</summary>
    public byte[] Cells { get; }

    /// <summary>Notes placed on the roll.</summary>
    public int Notes { get; }

    /// <summary>Notes dropped: outside the pitch range, or on an instrument with no track (drums when there is no drums track).</summary>
    public int DroppedNotes { get; }

    /// <summary>Whether the cell is on.</summary>
    public bool this[int track, int step, int pitch] => Cells[(((track * Steps) + step) * Layout.Pitches) + pitch] != 0;

    /// <summary>
    /// Cuts the song into segments of <c>Bars</c> bars starting every <paramref name="hopBars"/> bars, keeping
    /// those with at least <paramref name="minNotes"/> note onsets. Each segment is tracks × bars·steps × pitches.
    /// </summary>
    public IEnumerable<byte[]> Segments(int hopBars, int minNotes)
    {
        var layout = Layout;
        var length = layout.StepsPerSegment;
        var hop = hopBars * layout.StepsPerBar;
        for (var start = 0; start + length <= Steps; start += hop)
        {
            if (CountOnsets(start, start + length) < minNotes)
            {
                continue;
            }

            var segment = new byte[layout.CellsPerSegment];
            for (var track = 0; track < layout.Tracks.Count; track++)
            {
                Array.Copy(Cells, ((track * Steps) + start) * layout.Pitches, segment, track * length * layout.Pitches, length * layout.Pitches);
            }

            yield return segment;
        }
    }

    private int CountOnsets(int from, int to)
    {
        var lower = LowerBound(from);
        var upper = LowerBound(to);
        return upper - lower;
    }

    private int LowerBound(int step)
    {
        int low = 0, high = _onsetSteps.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_onsetSteps[mid] < step)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}

using Gan.Plugins.Midi.PianoRoll;
using static TorchSharp.torch;

namespace Gan.Plugins.Midi.Metrics;

/// <summary>A batch of binarised segments on the CPU: cells[(((n·tracks + t)·bars + b)·steps + s)·pitches + p].</summary>
public sealed class BinaryRolls
{
    /// <summary>Wraps <paramref name="cells"/> holding <paramref name="count"/> segments of <paramref name="layout"/>.</summary>
    public BinaryRolls(PianoRollLayout layout, int count, bool[] cells)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != count * layout.CellsPerSegment)
        {
            throw new ArgumentException($"Expected {count} × {layout.CellsPerSegment} cells, got {cells.Length}.", nameof(cells));
        }

        Layout = layout;
        Count = count;
        Cells = cells;
    }

    /// <summary>The grid.</summary>
    public PianoRollLayout Layout { get; }

    /// <summary>Segments held.</summary>
    public int Count { get; }

    /// <summary>The cells.</summary>
    public bool[] Cells { get; }

    /// <summary>Whether a cell is on.</summary>
    public bool this[int n, int track, int bar, int step, int pitch] =>
        Cells[(((((((n * Layout.Tracks.Count) + track) * Layout.Bars) + bar) * Layout.StepsPerBar) + step) * Layout.Pitches) + pitch];

    /// <summary>Binarises <paramref name="values"/> (N, tracks, bars, steps, pitches): on where the value exceeds <paramref name="threshold"/>.</summary>
    public static BinaryRolls FromTensor(Tensor values, PianoRollLayout layout, double threshold)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(layout);
        long[] expected = [.. layout.SegmentShape];
        if (values.dim() != 5 || !values.shape.AsSpan(1).SequenceEqual(expected))
        {
            throw new Gan.Abstractions.GanInputException(
                $"Expected piano-roll segments shaped (N, {string.Join(", ", expected)}) but the generator made ({string.Join(", ", values.shape)}). " +
                "Make the generator's tracks, bars, steps_per_bar and pitches match the data source.");
        }

        using var on = values.detach().cpu().gt(threshold).contiguous();
        return new BinaryRolls(layout, (int)values.shape[0], on.data<bool>().ToArray());
    }

    /// <summary>Segment <paramref name="n"/>'s cells as one flat array (tracks × bars·steps × pitches).</summary>
    public bool[] Segment(int n) => Cells.AsSpan(n * Layout.CellsPerSegment, Layout.CellsPerSegment).ToArray();
}

using Gan.Plugins.Midi.Metrics;
using Gan.Plugins.Midi.PianoRoll;

namespace Gan.Plugins.Midi.Tests;

public sealed class MuseGanMetricsTests
{
    // 2 bars of 2 beats, 12 steps per beat (MuseGAN's resolution), 36 pitches from C3 (48).
    private static readonly PianoRollLayout Layout =
        new([InstrumentTrack.Drums, InstrumentTrack.Piano, InstrumentTrack.Strings], Bars: 2, StepsPerBar: 24, BeatsPerBar: 2, Pitches: 36, LowestPitch: 48);

    private const int Drums = 0, Piano = 1, Strings = 2;

    private sealed class Rolls(int count)
    {
        public bool[] Cells { get; } = new bool[count * Layout.CellsPerSegment];

        public Rolls On(int n, int track, int bar, int fromStep, int length, int key)
        {
            for (var s = fromStep; s < fromStep + length; s++)
            {
                Cells[(((((((n * 3) + track) * Layout.Bars) + bar) * Layout.StepsPerBar) + s) * Layout.Pitches) + key - Layout.LowestPitch] = true;
            }

            return this;
        }

        public BinaryRolls Build() => new(Layout, Cells.Length / Layout.CellsPerSegment, Cells);
    }

    [Fact]
    public void Empty_bar_rate_is_the_share_of_bars_without_notes()
    {
        // Piano plays in bar 0 of segment 0 only: 3 of the 4 bars are empty (the reference code would report 0.25).
        var rolls = new Rolls(2).On(0, Piano, 0, 0, 4, 60).Build();

        Assert.Equal(0.75, MuseGanMetrics.EmptyBarRate(rolls, Piano));
        Assert.Equal(1.0, MuseGanMetrics.EmptyBarRate(rolls, Strings));
    }

    [Fact]
    public void Used_pitch_classes_count_distinct_classes_per_non_empty_bar()
    {
        // Bar A: C4, E4, G4 and C5 (3 classes); bar B: D4 twice (1 class); other bars empty and not averaged.
        var rolls = new Rolls(2)
            .On(0, Piano, 0, 0, 6, 60).On(0, Piano, 0, 0, 6, 64).On(0, Piano, 0, 6, 6, 67).On(0, Piano, 0, 12, 6, 72)
            .On(1, Piano, 1, 0, 3, 62).On(1, Piano, 1, 12, 3, 62)
            .Build();

        Assert.Equal(2.0, MuseGanMetrics.UsedPitchClasses(rolls, Piano));
        Assert.True(double.IsNaN(MuseGanMetrics.UsedPitchClasses(rolls, Strings)));
    }

    [Fact]
    public void Qualified_note_rate_counts_notes_of_at_least_the_threshold_length()
    {
        // Runs of 1, 2, 3 and 5 steps; the 5-step note crosses the bar line and is still one note.
        var rolls = new Rolls(1)
            .On(0, Piano, 0, 0, 1, 60).On(0, Piano, 0, 4, 2, 60).On(0, Piano, 0, 10, 3, 60)
            .On(0, Piano, 0, 21, 3, 65).On(0, Piano, 1, 0, 2, 65)
            .Build();

        Assert.Equal(0.5, MuseGanMetrics.QualifiedNoteRate(rolls, Piano, minSteps: 3));
        Assert.Equal(0.75, MuseGanMetrics.QualifiedNoteRate(rolls, Piano, minSteps: 2));
    }

    [Fact]
    public void Drum_pattern_rate_weighs_cells_on_the_sixteenth_grid_fully_and_neighbours_by_the_tolerance()
    {
        // 12 steps per beat: sixteenths every 3 steps. Steps 0 and 3 are on the grid, step 4 one step off.
        var rolls = new Rolls(1).On(0, Drums, 0, 0, 1, 48).On(0, Drums, 0, 3, 1, 50).On(0, Drums, 1, 4, 1, 48).Build();

        Assert.Equal((1 + 1 + 0.1) / 3, MuseGanMetrics.DrumPatternRate(rolls, Drums, tolerance: 0.1), 12);
    }

    [Fact]
    public void Tonal_distance_is_zero_for_the_same_pitch_classes_and_known_for_a_fifth()
    {
        var unison = new Rolls(1).On(0, Piano, 0, 0, 4, 60).On(0, Strings, 0, 0, 4, 72).Build();
        var fifth = new Rolls(1).On(0, Piano, 0, 0, 4, 60).On(0, Strings, 0, 0, 4, 67).Build();

        // C and G sit π/6 apart on the circle of fifths (r = 1), π/2 on minor thirds (r = 1), 2π/3 on major thirds (r = 0.5).
        var expected = Math.Sqrt(Math.Pow(2 * Math.Sin(Math.PI / 12), 2) + Math.Pow(2 * Math.Sin(Math.PI / 4), 2) + Math.Pow(2 * 0.5 * Math.Sin(Math.PI / 3), 2));
        Assert.Equal(0.0, MuseGanMetrics.TonalDistance(unison, Piano, Strings), 12);
        Assert.Equal(expected, MuseGanMetrics.TonalDistance(fifth, Piano, Strings), 12);
        Assert.Equal(1.7372, expected, 4);
    }

    [Fact]
    public void Tonal_centroid_of_a_single_c_is_the_first_column_of_harte_s_matrix()
    {
        var chroma = new double[12];
        chroma[0] = 3;

        Assert.Equal([0, 1, 0, 1, 0, 0.5], MuseGanMetrics.TonalCentroid(chroma)!.Select(v => Math.Round(v, 12)));
    }
}

using Gan.Plugins.Midi.PianoRoll;
using Gan.Plugins.Midi.Smf;

namespace Gan.Plugins.Midi.Tests;

public sealed class PianoRollConversionTests
{
    private static PianoRollLayout Layout(params InstrumentTrack[] tracks) =>
        new(tracks.Length == 0 ? InstrumentTrack.All : tracks, Bars: 2, StepsPerBar: 16, BeatsPerBar: 4, Pitches: 84, LowestPitch: 24);

    /// <summary>96 ticks per quarter, 4 steps per beat: one step is 24 ticks.</summary>
    private static MidiFile Ensemble() => new(1, 96,
    [
        new MidiTrack([new TempoEvent(0, 500_000), new TimeSignatureEvent(0, 4, 4)]),
        // Piano (program 0) on channel 0: C4 for one beat from step 0, E4 for two steps from step 6.
        new MidiTrack([new ProgramChangeEvent(0, 0, 0), new NoteOnEvent(0, 0, 60, 90), new NoteOffEvent(96, 0, 60, 0),
            new NoteOnEvent(144, 0, 64, 90), new NoteOffEvent(192, 0, 64, 0)]),
        // Electric bass (finger), program 33, on channel 1: C2 held through bar 2 (steps 16..31).
        new MidiTrack([new ProgramChangeEvent(0, 1, 33), new NoteOnEvent(384, 1, 36, 80), new NoteOffEvent(768, 1, 36, 0)]),
        // Channel 10 drums whatever the program: kick at steps 0 and 8; a 10-tick hit still lasts one step.
        new MidiTrack([new ProgramChangeEvent(0, 9, 40), new NoteOnEvent(0, 9, 36, 100), new NoteOffEvent(10, 9, 36, 0),
            new NoteOnEvent(192, 9, 36, 100), new NoteOffEvent(200, 9, 36, 0)]),
        // Trumpet (56, brass) on channel 2 → strings; C9 (120) is above the 84-pitch range and dropped.
        new MidiTrack([new ProgramChangeEvent(0, 2, 56), new NoteOnEvent(0, 2, 67, 70), new NoteOffEvent(48, 2, 67, 0),
            new NoteOnEvent(0, 2, 120, 70), new NoteOffEvent(48, 2, 120, 0)]),
    ]);

    [Fact]
    public void Hand_built_file_lands_on_the_expected_tracks_steps_and_pitches()
    {
        var song = PianoRollConverter.Convert(Ensemble(), Layout());

        var expected = new HashSet<(int, int, int)>();
        for (var s = 0; s < 4; s++) expected.Add((1, s, 60 - 24));
        for (var s = 6; s < 8; s++) expected.Add((1, s, 64 - 24));
        for (var s = 16; s < 32; s++) expected.Add((3, s, 36 - 24));
        expected.Add((0, 0, 36 - 24));
        expected.Add((0, 8, 36 - 24));
        for (var s = 0; s < 2; s++) expected.Add((4, s, 67 - 24));

        Assert.Equal(32, song.Steps);
        Assert.Equal(6, song.Notes);
        Assert.Equal(1, song.DroppedNotes);
        var actual = new HashSet<(int, int, int)>();
        for (var t = 0; t < 5; t++)
            for (var s = 0; s < song.Steps; s++)
                for (var p = 0; p < 84; p++)
                    if (song[t, s, p]) actual.Add((t, s, p));
        Assert.Equal(expected.OrderBy(x => x), actual.OrderBy(x => x));
    }

    [Fact]
    public void Piano_only_layout_merges_pitched_families_into_piano_and_drops_drums()
    {
        var song = PianoRollConverter.Convert(Ensemble(), Layout(InstrumentTrack.Piano));

        Assert.True(song[0, 20, 36 - 24]);  // the bass
        Assert.True(song[0, 1, 67 - 24]);   // the trumpet
        Assert.Equal(4, song.Notes);
        Assert.Equal(3, song.DroppedNotes); // two drum hits, one out of range
    }

    [Fact]
    public void General_midi_families_map_to_the_closest_of_the_five_tracks()
    {
        var mapping = new TrackMapping(InstrumentTrack.All);
        Assert.Equal(1, mapping.TrackOf(0, 0));     // acoustic grand
        Assert.Equal(1, mapping.TrackOf(0, 19));    // church organ
        Assert.Equal(2, mapping.TrackOf(0, 29));    // overdriven guitar
        Assert.Equal(3, mapping.TrackOf(0, 38));    // synth bass
        Assert.Equal(4, mapping.TrackOf(0, 48));    // string ensemble
        Assert.Equal(4, mapping.TrackOf(0, 73));    // flute
        Assert.Equal(0, mapping.TrackOf(9, 73));    // channel 10 is drums
        Assert.Equal(-1, new TrackMapping([InstrumentTrack.Piano]).TrackOf(9, 0));
    }

    [Fact]
    public void Segments_with_too_few_notes_are_dropped()
    {
        var layout = Layout() with { Bars = 1 };
        var song = PianoRollConverter.Convert(Ensemble(), layout);

        Assert.Equal(2, song.Segments(hopBars: 1, minNotes: 0).Count());
        Assert.Single(song.Segments(hopBars: 1, minNotes: 2)); // bar 1 has 5 onsets, bar 2 only the bass
    }

    [Fact]
    public void Piano_roll_written_as_midi_converts_back_to_the_same_roll()
    {
        var layout = Layout();
        var song = PianoRollConverter.Convert(Ensemble(), layout);
        var segment = song.Segments(hopBars: 2, minNotes: 0).Single().Select(b => b != 0).ToArray();

        var bytes = MidiFileWriter.Write(PianoRollToMidi.Convert([segment], layout, beatsPerMinute: 90, gapBars: 0));
        var midi = MidiFileReader.Read(bytes, "roll.mid");
        var again = PianoRollConverter.Convert(midi, layout).Segments(hopBars: 2, minNotes: 0).Single().Select(b => b != 0).ToArray();

        Assert.Equal(segment, again);
        Assert.Equal(6, midi.Tracks.Count);
        Assert.Equal(new[] { "drums", "piano", "guitar", "bass", "strings" }, midi.Tracks.Skip(1).Select(t => t.Name));
        Assert.Equal(new TempoEvent(0, 666_667), midi.Tracks[0].Events.OfType<TempoEvent>().Single());
        Assert.All(midi.Tracks[1].Events.OfType<NoteOnEvent>(), e => Assert.Equal(9, e.Channel));
        Assert.Equal([0, 0, 24, 32, 48], midi.Tracks.Skip(1).Select(t => t.Events.OfType<ProgramChangeEvent>().Single().Program));
        Assert.DoesNotContain(midi.Tracks.Skip(2).SelectMany(t => t.Events.OfType<NoteOnEvent>()), e => e.Channel == 9);
    }
}

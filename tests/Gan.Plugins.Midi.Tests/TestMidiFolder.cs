using Gan.Plugins.Midi.Smf;

namespace Gan.Plugins.Midi.Tests;

/// <summary>Writes small real MIDI files for data-source and training tests.</summary>
internal static class TestMidiFolder
{
    /// <summary>
    /// <paramref name="files"/> format 1 files of <paramref name="bars"/> 4/4 bars (480 ticks per quarter): a piano
    /// arpeggio with one note per eighth, a sustained bass note per bar and a kick drum on every beat.
    /// </summary>
    public static void Write(string folder, int files, int bars)
    {
        for (var f = 0; f < files; f++)
        {
            var piano = new List<MidiEvent> { new TrackNameEvent(0, "piano"), new ProgramChangeEvent(0, 0, 0) };
            var bass = new List<MidiEvent> { new TrackNameEvent(0, "bass"), new ProgramChangeEvent(0, 1, 34) };
            var drums = new List<MidiEvent> { new TrackNameEvent(0, "drums") };
            for (var bar = 0; bar < bars; bar++)
            {
                var origin = bar * 1920L;
                for (var eighth = 0; eighth < 8; eighth++)
                {
                    var key = 60 + ((eighth * 4) + f + bar) % 12;
                    piano.Add(new NoteOnEvent(origin + (eighth * 240), 0, key, 80));
                    piano.Add(new NoteOffEvent(origin + (eighth * 240) + 200, 0, key, 0));
                }

                bass.Add(new NoteOnEvent(origin, 1, 36 + (bar % 5), 90));
                bass.Add(new NoteOffEvent(origin + 1900, 1, 36 + (bar % 5), 0));
                for (var beat = 0; beat < 4; beat++)
                {
                    drums.Add(new NoteOnEvent(origin + (beat * 480), 9, 36, 100));
                    drums.Add(new NoteOffEvent(origin + (beat * 480) + 60, 9, 36, 0));
                }
            }

            var file = new MidiFile(1, 480, [new MidiTrack([new TempoEvent(0, 500_000)]), new MidiTrack(piano), new MidiTrack(bass), new MidiTrack(drums)]);
            Directory.CreateDirectory(Path.Combine(folder, $"set{f % 2}"));
            MidiFileWriter.WriteFile(Path.Combine(folder, $"set{f % 2}", $"song{f}.mid"), file);
        }
    }
}

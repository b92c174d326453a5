using Gan.Plugins.Midi.Smf;

namespace Gan.Plugins.Midi.Tests;

public sealed class MidiFileRoundTripTests
{
    private static MidiFile MultiTrackFile() => new(1, 480,
    [
        new MidiTrack([new TrackNameEvent(0, "conductor"), new TimeSignatureEvent(0, 3, 8, 24, 8), new TempoEvent(0, 600_000), new TempoEvent(1920, 400_000)]),
        new MidiTrack(
        [
            new TrackNameEvent(0, "piano"), new ProgramChangeEvent(0, 0, 0),
            new NoteOnEvent(0, 0, 60, 90), new NoteOnEvent(0, 0, 64, 80), new NoteOnEvent(0, 0, 67, 70),
            new NoteOffEvent(480, 0, 60, 0), new NoteOffEvent(480, 0, 64, 0), new NoteOffEvent(480, 0, 67, 64),
            new ChannelMessageEvent(500, 0xB0, 0, 64, 127), new ChannelMessageEvent(510, 0xE0, 0, 0, 64), new ChannelMessageEvent(520, 0xD0, 0, 33, 0),
            new NoteOnEvent(200_000, 0, 72, 127), new NoteOffEvent(2_000_000, 0, 72, 0),
        ]),
        new MidiTrack([new TrackNameEvent(0, "drums"), new NoteOnEvent(0, 9, 36, 100), new NoteOffEvent(60, 9, 36, 0), new NoteOnEvent(240, 9, 38, 100), new NoteOffEvent(300, 9, 38, 0)]),
    ]);

    [Fact]
    public void Multi_track_file_written_by_the_project_parses_back_identically()
    {
        var original = MultiTrackFile();

        var parsed = MidiFileReader.Read(MidiFileWriter.Write(original), "memory.mid");

        Assert.Equal(original.Format, parsed.Format);
        Assert.Equal(original.TicksPerQuarter, parsed.TicksPerQuarter);
        Assert.Equal(original.Tracks.Count, parsed.Tracks.Count);
        for (var t = 0; t < original.Tracks.Count; t++)
        {
            Assert.Equal(original.Tracks[t].Events, parsed.Tracks[t].Events);
        }

        Assert.Equal("piano", parsed.Tracks[1].Name);
    }

    [Fact]
    public void Writer_uses_running_status_and_closes_every_track_with_end_of_track()
    {
        var bytes = MidiFileWriter.Write(MultiTrackFile());

        // The piano chord: one 0x90 status, then two more note-ons as bare data bytes (running status).
        var chord = new byte[] { 0x00, 0x90, 60, 90, 0x00, 64, 80, 0x00, 67, 70 };
        Assert.True(bytes.AsSpan().IndexOf(chord) > 0, "consecutive note-ons should share one status byte");
        var tracks = 0;
        for (var offset = 14; offset < bytes.Length; tracks++)
        {
            Assert.Equal("MTrk"u8.ToArray(), bytes[offset..(offset + 4)]);
            var length = (bytes[offset + 4] << 24) | (bytes[offset + 5] << 16) | (bytes[offset + 6] << 8) | bytes[offset + 7];
            offset += 8 + length;
            Assert.Equal(new byte[] { 0xFF, 0x2F, 0x00 }, bytes[(offset - 3)..offset]);
        }

        Assert.Equal(3, tracks);
    }

    [Fact]
    public void Hand_written_running_status_and_zero_velocity_note_on_read_as_note_off()
    {
        var bytes = MidiBytes.File(0, 96,
        [
            0x00, 0x90, 60, 100,   // note on
            0x30, 62, 100,         // running status: note on
            0x30, 60, 0,           // running status, velocity 0: note off
            0x00, 62, 0,
            0x81, 0x00, 0x80, 64, 10, // delta 128 as a two-byte VLQ, explicit note off
            .. MidiBytes.EndOfTrack,
        ]);

        var events = MidiFileReader.Read(bytes, "running.mid").Tracks.Single().Events;

        Assert.Equal(
        [
            new NoteOnEvent(0, 0, 60, 100), new NoteOnEvent(48, 0, 62, 100), new NoteOffEvent(96, 0, 60, 0),
            new NoteOffEvent(96, 0, 62, 0), new NoteOffEvent(224, 0, 64, 10),
        ], events);
    }

    [Fact]
    public void Sysex_unknown_meta_events_and_unknown_chunks_are_skipped()
    {
        byte[] alien = [(byte)'X', (byte)'F', (byte)'I', (byte)'H', 0, 0, 0, 3, 1, 2, 3];
        var track = MidiBytes.Track(
        [
            0x00, 0xF0, 0x05, 0x7E, 0x7F, 0x09, 0x01, 0xF7,      // GM reset SysEx
            0x00, 0xFF, 0x7F, 0x03, 0x00, 0x00, 0x41,            // sequencer-specific meta
            0x00, 0xFF, 0x01, 0x04, (byte)'t', (byte)'e', (byte)'x', (byte)'t', // text meta
            0x00, 0xFF, 0x59, 0x02, 0x00, 0x00,                  // key signature
            0x00, 0xFF, 0x60, 0x01, 0x42,                        // undefined meta type
            0x00, 0xC0, 24,
            0x10, 0x90, 50, 64,
            .. MidiBytes.EndOfTrack,
        ]);
        byte[] bytes = [.. MidiBytes.Header(1, 1, 480), .. alien, .. track];

        var events = MidiFileReader.Read(bytes, "extras.mid").Tracks.Single().Events;

        Assert.Equal([new ProgramChangeEvent(0, 0, 24), new NoteOnEvent(16, 0, 50, 64)], events);
    }

    [Theory]
    [InlineData(0L, new byte[] { 0x00 })]
    [InlineData(0x7FL, new byte[] { 0x7F })]
    [InlineData(0x80L, new byte[] { 0x81, 0x00 })]
    [InlineData(0x3FFFL, new byte[] { 0xFF, 0x7F })]
    [InlineData(0x200000L, new byte[] { 0x81, 0x80, 0x80, 0x00 })]
    [InlineData(0x0FFFFFFFL, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void Variable_length_quantities_match_the_specification_examples(long value, byte[] expected)
    {
        using var stream = new MemoryStream();
        MidiFileWriter.WriteVariableLength(stream, value);
        Assert.Equal(expected, stream.ToArray());

        var file = MidiBytes.File(0, 96, [.. expected, 0x90, 60, 1, .. MidiBytes.EndOfTrack]);
        Assert.Equal(value, MidiFileReader.Read(file, "vlq.mid").Tracks[0].Events[0].Tick);
    }
}

using Gan.Abstractions;
using Gan.Plugins.Midi.Smf;

namespace Gan.Plugins.Midi.Tests;

public sealed class MalformedMidiTests
{
    private static readonly byte[] GoodTrack = [0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0, .. MidiBytes.EndOfTrack];

    private static GanInputException ReadFromDisk(byte[] bytes)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("broken.mid", bytes);
        var error = Assert.Throws<GanInputException>(() => MidiFileReader.Read(path));
        Assert.Contains(path, error.Message);
        return error;
    }

    [Fact]
    public void File_without_an_MThd_header_names_the_file_and_offset_0()
    {
        var error = ReadFromDisk("RIFF....not a midi file"u8.ToArray());
        Assert.Contains("byte offset 0", error.Message);
        Assert.Contains("MThd", error.Message);
    }

    [Fact]
    public void Header_declaring_too_short_a_length_is_a_bad_header_at_offset_4()
    {
        byte[] bytes = [.. MidiBytes.File(0, 96, GoodTrack)];
        bytes[7] = 4;
        var error = ReadFromDisk(bytes);
        Assert.Contains("byte offset 4", error.Message);
        Assert.Contains("bad header", error.Message);
    }

    [Fact]
    public void Format_2_is_refused_clearly()
    {
        var error = ReadFromDisk(MidiBytes.File(2, 96, GoodTrack));
        Assert.Contains("format 2", error.Message);
        Assert.Contains("byte offset 8", error.Message);
    }

    [Fact]
    public void Smpte_division_is_refused_clearly()
    {
        var error = ReadFromDisk(MidiBytes.File(0, 0xE728, GoodTrack)); // -25 fps, 40 ticks per frame
        Assert.Contains("SMPTE", error.Message);
        Assert.Contains("byte offset 12", error.Message);
    }

    [Fact]
    public void Chunk_length_past_the_end_of_file_names_the_length_field_offset()
    {
        byte[] bytes = MidiBytes.File(0, 96, GoodTrack);
        bytes[14 + 7] = 200; // the MTrk claims 200 bytes; 12 follow
        var error = ReadFromDisk(bytes);
        Assert.Contains("byte offset 18", error.Message);
        Assert.Contains("past end of file", error.Message);
    }

    [Fact]
    public void Truncated_chunk_header_is_reported_with_its_offset()
    {
        byte[] full = MidiBytes.File(1, 96, GoodTrack, GoodTrack);
        var cut = full[..(full.Length - GoodTrack.Length - 4)]; // second chunk: only 4 of its 8 header bytes
        var error = ReadFromDisk(cut);
        Assert.Contains($"byte offset {14 + 8 + GoodTrack.Length}", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Event_cut_off_by_the_end_of_its_chunk_is_a_truncated_chunk()
    {
        var error = ReadFromDisk(MidiBytes.File(0, 96, [0x00, 0x90, 60]));
        Assert.Contains("truncated chunk", error.Message);
        Assert.Contains("byte offset 25", error.Message);
    }

    [Fact]
    public void Missing_tracks_after_the_header_are_a_truncated_file()
    {
        var error = ReadFromDisk([.. MidiBytes.Header(1, 2, 96), .. MidiBytes.Track(GoodTrack)]);
        Assert.Contains("declares 2 tracks", error.Message);
    }

    [Fact]
    public void Data_byte_without_running_status_names_its_offset()
    {
        var error = ReadFromDisk(MidiBytes.File(0, 96, [0x00, 60, 100, .. MidiBytes.EndOfTrack]));
        Assert.Contains("byte offset 23", error.Message);
        Assert.Contains("running status", error.Message);
    }

    [Fact]
    public void Folder_scan_counts_and_reports_skipped_files_instead_of_stopping()
    {
        using var temp = new TemporaryDirectory();
        temp.WriteFile("a/good.mid", MidiBytes.File(0, 96, GoodTrack));
        temp.WriteFile("b/c/good.MIDI", MidiBytes.File(0, 96, GoodTrack));
        var broken = temp.WriteFile("b/broken.mid", "garbage"u8.ToArray());
        temp.WriteFile("notes.txt", "not midi");

        var scan = MidiFolderScan.Find(temp.Path);
        var parsed = new List<string>();
        var skipped = scan.ParseAll((path, _) => parsed.Add(path), CancellationToken.None);

        Assert.Equal(3, scan.Files.Count);
        Assert.Equal(2, parsed.Count);
        var skip = Assert.Single(skipped);
        Assert.Equal(broken, skip.Path);
        Assert.Contains("byte offset 0", skip.Reason);
    }
}

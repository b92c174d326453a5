using System.Text;

namespace Gan.Plugins.Midi.Smf;

/// <summary>
/// Writes Standard MIDI Files that ordinary MIDI software opens: an MThd header, one MTrk per track with
/// delta times as variable-length quantities, running status for consecutive channel messages of the same
/// status, and an end-of-track meta event closing every track. Hand-written because no MIDI library is in
/// the package feed.
/// </summary>
public static class MidiFileWriter
{
    /// <summary>Encodes <paramref name="file"/>. Events of each track must be in non-decreasing tick order.</summary>
    public static byte[] Write(MidiFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Format is not (0 or 1))
        {
            throw new ArgumentException($"Only formats 0 and 1 are written, not {file.Format}.", nameof(file));
        }

        if (file.Format == 0 && file.Tracks.Count != 1)
        {
            throw new ArgumentException("A format 0 file has exactly one track.", nameof(file));
        }

        if (file.TicksPerQuarter is <= 0 or > 0x7FFF)
        {
            throw new ArgumentException($"Ticks per quarter must be 1..32767, not {file.TicksPerQuarter}.", nameof(file));
        }

        using var stream = new MemoryStream();
        stream.Write("MThd"u8);
        WriteUInt32(stream, 6);
        WriteUInt16(stream, file.Format);
        WriteUInt16(stream, file.Tracks.Count);
        WriteUInt16(stream, file.TicksPerQuarter);
        foreach (var track in file.Tracks)
        {
            var body = EncodeTrack(track);
            stream.Write("MTrk"u8);
            WriteUInt32(stream, (uint)body.Length);
            stream.Write(body);
        }

        return stream.ToArray();
    }

    /// <summary>Encodes <paramref name="file"/> and writes it to <paramref name="path"/>.</summary>
    public static void WriteFile(string path, MidiFile file) => File.WriteAllBytes(path, Write(file));

    private static byte[] EncodeTrack(MidiTrack track)
    {
        using var body = new MemoryStream();
        long previous = 0;
        var runningStatus = 0;
        foreach (var midiEvent in track.Events)
        {
            var delta = midiEvent.Tick - previous;
            if (delta < 0)
            {
                throw new ArgumentException($"Track events must be in time order; tick {midiEvent.Tick} follows {previous}.", nameof(track));
            }

            WriteVariableLength(body, delta);
            previous = midiEvent.Tick;
            switch (midiEvent)
            {
                case NoteOnEvent e:
                    WriteChannelMessage(body, ref runningStatus, 0x90 | e.Channel, e.Note, e.Velocity);
                    break;
                case NoteOffEvent e:
                    WriteChannelMessage(body, ref runningStatus, 0x80 | e.Channel, e.Note, e.Velocity);
                    break;
                case ProgramChangeEvent e:
                    WriteChannelMessage(body, ref runningStatus, 0xC0 | e.Channel, e.Program, null);
                    break;
                case ChannelMessageEvent e:
                    WriteChannelMessage(body, ref runningStatus, e.Status | e.Channel, e.Data1, e.Status == 0xD0 ? null : e.Data2);
                    break;
                case TempoEvent e:
                    WriteMeta(body, 0x51, [(byte)(e.MicrosecondsPerQuarter >> 16), (byte)(e.MicrosecondsPerQuarter >> 8), (byte)e.MicrosecondsPerQuarter]);
                    runningStatus = 0;
                    break;
                case TimeSignatureEvent e:
                    WriteMeta(body, 0x58, [(byte)e.Numerator, (byte)Log2(e.Denominator), (byte)e.ClocksPerClick, (byte)e.ThirtySecondsPerQuarter]);
                    runningStatus = 0;
                    break;
                case TrackNameEvent e:
                    WriteMeta(body, 0x03, Encoding.Latin1.GetBytes(e.Name));
                    runningStatus = 0;
                    break;
                default:
                    throw new ArgumentException($"Cannot write {midiEvent.GetType().Name}.", nameof(track));
            }
        }

        // End of track (FF 2F 00), required by the specification, right after the last event.
        WriteVariableLength(body, 0);
        WriteMeta(body, 0x2F, []);
        return body.ToArray();
    }

    private static void WriteChannelMessage(Stream stream, ref int runningStatus, int status, int data1, int? data2)
    {
        if (data1 is < 0 or > 127 || data2 is < 0 or > 127 || status is < 0x80 or > 0xEF)
        {
            throw new ArgumentException($"MIDI data bytes must be 0..127 (status 0x{status:X2}, data {data1}, {data2}).");
        }

        if (status != runningStatus)
        {
            stream.WriteByte((byte)status);
            runningStatus = status;
        }

        stream.WriteByte((byte)data1);
        if (data2 is { } second)
        {
            stream.WriteByte((byte)second);
        }
    }

    private static void WriteMeta(Stream stream, byte type, byte[] data)
    {
        stream.WriteByte(0xFF);
        stream.WriteByte(type);
        WriteVariableLength(stream, data.Length);
        stream.Write(data);
    }

    /// <summary>Writes a variable-length quantity: 7 bits per byte, most significant first, high bit on all but the last.</summary>
    internal static void WriteVariableLength(Stream stream, long value)
    {
        if (value is < 0 or > 0x0FFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A MIDI variable-length quantity holds 0..0x0FFFFFFF.");
        }

        Span<byte> buffer = stackalloc byte[4];
        var count = 0;
        do
        {
            buffer[count++] = (byte)(value & 0x7F);
            value >>= 7;
        }
        while (value > 0);

        for (var i = count - 1; i >= 0; i--)
        {
            stream.WriteByte((byte)(buffer[i] | (i > 0 ? 0x80 : 0)));
        }
    }

    private static int Log2(int denominator)
    {
        if (denominator <= 0 || (denominator & (denominator - 1)) != 0)
        {
            throw new ArgumentException($"A time signature denominator must be a power of two, not {denominator}.");
        }

        return System.Numerics.BitOperations.Log2((uint)denominator);
    }

    private static void WriteUInt32(Stream stream, uint value)
    {
        stream.WriteByte((byte)(value >> 24));
        stream.WriteByte((byte)(value >> 16));
        stream.WriteByte((byte)(value >> 8));
        stream.WriteByte((byte)value);
    }

    private static void WriteUInt16(Stream stream, int value)
    {
        stream.WriteByte((byte)(value >> 8));
        stream.WriteByte((byte)value);
    }
}

using System.Text;
using Gan.Abstractions;

namespace Gan.Plugins.Midi.Smf;

/// <summary>
/// Reads Standard MIDI Files (formats 0 and 1, ticks-per-quarter division). Hand-written because no MIDI
/// library (DryWetMidi or similar) is in the package feed. Every defect is reported as a
/// <see cref="GanInputException"/> naming the file and the byte offset where reading stopped.
/// </summary>
public static class MidiFileReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static MidiFile Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GanInputException($"{path}: cannot read the MIDI file ({e.Message}).", e);
        }

        return Read(bytes, path);
    }

    /// <summary>Parses <paramref name="bytes"/>; <paramref name="source"/> names them in error messages.</summary>
    public static MidiFile Read(byte[] bytes, string source)
    {
        var cursor = new ByteCursor(bytes, source);
        if (bytes.Length < 14 || !cursor.Matches("MThd"))
        {
            throw cursor.Error(0, "not a Standard MIDI File: it must start with an 'MThd' header chunk of at least 14 bytes");
        }

        cursor.Skip(4);
        var headerLength = cursor.ReadUInt32();
        if (headerLength < 6)
        {
            throw cursor.Error(4, $"bad header: the MThd chunk declares {headerLength} bytes, fewer than the 6 it needs");
        }

        if (headerLength > bytes.Length - 8)
        {
            throw cursor.Error(4, $"bad header: the MThd chunk declares {headerLength} bytes, past the end of the {bytes.Length}-byte file");
        }

        var format = cursor.ReadUInt16();
        var trackCount = cursor.ReadUInt16();
        var division = cursor.ReadUInt16();
        if (format == 2)
        {
            throw cursor.Error(8, "format 2 (independent sequences) is not supported; convert the file to format 0 or 1");
        }

        if (format > 2)
        {
            throw cursor.Error(8, $"bad header: unknown format {format} (Standard MIDI Files are format 0, 1 or 2)");
        }

        if ((division & 0x8000) != 0)
        {
            throw cursor.Error(12, "SMPTE time division is not supported; only ticks-per-quarter-note files can be placed on a beat grid");
        }

        if (division == 0)
        {
            throw cursor.Error(12, "bad header: the division is 0 ticks per quarter note");
        }

        if (format == 0 && trackCount != 1)
        {
            throw cursor.Error(10, $"bad header: format 0 must have exactly one track, the header declares {trackCount}");
        }

        cursor.Position = 8 + (int)headerLength;
        var tracks = new List<MidiTrack>(trackCount);
        while (tracks.Count < trackCount)
        {
            if (cursor.Remaining == 0)
            {
                throw cursor.Error(cursor.Position, $"truncated file: the header declares {trackCount} tracks but the file ends after {tracks.Count}");
            }

            if (cursor.Remaining < 8)
            {
                throw cursor.Error(cursor.Position, $"truncated chunk: {cursor.Remaining} bytes left, a chunk header needs 8");
            }

            var chunkStart = cursor.Position;
            var isTrack = cursor.Matches("MTrk");
            cursor.Skip(4);
            var length = cursor.ReadUInt32();
            if (length > (uint)cursor.Remaining)
            {
                throw cursor.Error(chunkStart + 4,
                    $"chunk length past end of file: the {(isTrack ? "MTrk" : "unknown")} chunk declares {length} bytes but only {cursor.Remaining} remain");
            }

            var end = cursor.Position + (int)length;
            if (isTrack)
            {
                tracks.Add(ReadTrack(cursor, end));
            }

            // Unknown chunk types are skipped, as the specification asks readers to do.
            cursor.Position = end;
        }

        return new MidiFile(format, division, tracks);
    }

    private static MidiTrack ReadTrack(ByteCursor cursor, int end)
    {
        var events = new List<MidiEvent>();
        long tick = 0;
        var runningStatus = 0;
        while (cursor.Position < end)
        {
            tick += cursor.ReadVariableLength(end);
            var eventStart = cursor.Position;
            var status = (int)cursor.ReadByte(end);
            if (status < 0x80)
            {
                // Running status: the data byte belongs to the previous channel message.
                if (runningStatus == 0)
                {
                    throw cursor.Error(eventStart, $"data byte 0x{status:X2} where a status byte was expected (no running status in effect)");
                }

                cursor.Position = eventStart;
                status = runningStatus;
            }

            if (status == 0xFF)
            {
                var type = cursor.ReadByte(end);
                var length = (int)cursor.ReadVariableLength(end);
                var data = cursor.ReadBytes(length, end);
                if (type == 0x2F)
                {
                    // End of track: anything after it inside the chunk is padding.
                    break;
                }

                if (ReadMeta(cursor, eventStart, tick, type, data) is { } meta)
                {
                    events.Add(meta);
                }

                runningStatus = 0;
                continue;
            }

            if (status is 0xF0 or 0xF7)
            {
                // SysEx (or an escape sequence): length-prefixed, skipped.
                var length = (int)cursor.ReadVariableLength(end);
                cursor.ReadBytes(length, end);
                runningStatus = 0;
                continue;
            }

            if (status >= 0xF0)
            {
                throw cursor.Error(eventStart, $"system message 0x{status:X2} is not allowed in a MIDI file track");
            }

            runningStatus = status;
            var kind = status & 0xF0;
            var channel = status & 0x0F;
            var data1 = ReadData(cursor, end);
            var data2 = kind is 0xC0 or 0xD0 ? 0 : ReadData(cursor, end);
            events.Add(kind switch
            {
                0x90 when data2 == 0 => new NoteOffEvent(tick, channel, data1, 0),
                0x90 => new NoteOnEvent(tick, channel, data1, data2),
                0x80 => new NoteOffEvent(tick, channel, data1, data2),
                0xC0 => new ProgramChangeEvent(tick, channel, data1),
                _ => new ChannelMessageEvent(tick, kind, channel, data1, data2),
            });
        }

        if (cursor.Position > end)
        {
            throw cursor.Error(end, "truncated chunk: the last event runs past the end of its MTrk chunk");
        }

        return new MidiTrack(events);
    }

    private static int ReadData(ByteCursor cursor, int end)
    {
        var offset = cursor.Position;
        var value = cursor.ReadByte(end);
        return value < 0x80
            ? value
            : throw cursor.Error(offset, $"status byte 0x{value:X2} where a data byte (0..127) was expected");
    }

    private static MidiEvent? ReadMeta(ByteCursor cursor, int offset, long tick, int type, byte[] data)
    {
        switch (type)
        {
            case 0x03:
                return new TrackNameEvent(tick, Encoding.Latin1.GetString(data));
            case 0x51:
                return data.Length == 3
                    ? new TempoEvent(tick, (data[0] << 16) | (data[1] << 8) | data[2])
                    : throw cursor.Error(offset, $"tempo meta event with {data.Length} data bytes (it must have 3)");
            case 0x58:
                return data.Length >= 4
                    ? new TimeSignatureEvent(tick, data[0], data[1] < 8 ? 1 << data[1] : throw cursor.Error(offset, "time signature denominator exponent above 7"), data[2], data[3])
                    : throw cursor.Error(offset, $"time signature meta event with {data.Length} data bytes (it must have 4)");
            default:
                // Text, copyright, key signature, markers, sequencer-specific and unknown meta events: skipped.
                return null;
        }
    }
}

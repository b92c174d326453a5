using Gan.Abstractions;

namespace Gan.Plugins.Midi.Smf;

/// <summary>Big-endian reading over a MIDI file's bytes, with errors that name the file and the byte offset.</summary>
internal sealed class ByteCursor
{
    private readonly byte[] _bytes;
    private readonly string _source;

    public ByteCursor(byte[] bytes, string source)
    {
        _bytes = bytes;
        _source = source;
    }

    public int Position { get; set; }

    public int Remaining => _bytes.Length - Position;

    public bool Matches(string tag) =>
        Remaining >= tag.Length && tag.Select((c, i) => _bytes[Position + i] == c).All(x => x);

    public void Skip(int count) => Position += count;

    public uint ReadUInt32()
    {
        var value = ((uint)_bytes[Position] << 24) | ((uint)_bytes[Position + 1] << 16) | ((uint)_bytes[Position + 2] << 8) | _bytes[Position + 3];
        Position += 4;
        return value;
    }

    public int ReadUInt16()
    {
        var value = (_bytes[Position] << 8) | _bytes[Position + 1];
        Position += 2;
        return value;
    }

    /// <summary>Reads one byte before <paramref name="end"/> (the end of the current chunk).</summary>
    public byte ReadByte(int end)
    {
        if (Position >= end)
        {
            throw Error(Position, "truncated chunk: an event is cut off by the end of its MTrk chunk");
        }

        return _bytes[Position++];
    }

    public byte[] ReadBytes(int count, int end)
    {
        if (count > end - Position)
        {
            throw Error(Position, $"truncated chunk: an event declares {count} data bytes but only {end - Position} remain in its chunk");
        }

        var data = _bytes.AsSpan(Position, count).ToArray();
        Position += count;
        return data;
    }

    /// <summary>A variable-length quantity: 7 bits per byte, high bit set on all but the last, at most 4 bytes.</summary>
    public long ReadVariableLength(int end)
    {
        var start = Position;
        long value = 0;
        for (var i = 0; i < 4; i++)
        {
            var b = ReadByte(end);
            value = (value << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw Error(start, "variable-length quantity longer than 4 bytes");
    }

    public GanInputException Error(int offset, string what) =>
        new($"{_source}: byte offset {offset}: {what}.");
}

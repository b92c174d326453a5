using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using Gan.Abstractions;

namespace Gan.Plugins.Mnist;

/// <summary>
/// Reads IDX files (the format MNIST is distributed in), raw or gzipped. Hand-written because the format is
/// four header fields and a byte array, and a library would not give the precise errors users need.
/// </summary>
/// <remarks>
/// Layout (all integers big-endian): bytes 0–1 are zero, byte 2 is the element type, byte 3 the number of
/// dimensions, then one int32 per dimension, then the elements. Every problem throws
/// <see cref="GanInputException"/> naming the file, what is wrong and where.
/// </remarks>
internal static class IdxReader
{
    /// <summary>The element type code of unsigned bytes, the only one MNIST uses.</summary>
    public const byte UnsignedByte = 0x08;

    // Read in chunks so that a header declaring gigabytes does not allocate them before the data is seen.
    private const int InitialChunk = 1 << 24;

    /// <summary>Reads <paramref name="path"/>; gzip is detected from the content (magic 1f 8b), not the extension.</summary>
    public static IdxFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Stream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GanInputException($"{path}: cannot open the file: {e.Message}", e);
        }

        using (file)
        {
            var isGzip = file.Length >= 2 && file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
            file.Position = 0;
            if (!isGzip)
            {
                return Read(file, path, gzip: false);
            }

            using var inflated = new GZipStream(file, CompressionMode.Decompress);
            try
            {
                return Read(inflated, path, gzip: true);
            }
            catch (InvalidDataException e)
            {
                throw new GanInputException($"{path}: not a valid gzip stream: {e.Message}", e);
            }
        }
    }

    private static IdxFile Read(Stream stream, string path, bool gzip)
    {
        // Offsets refer to the decompressed bytes when the file is gzipped; say so, or they mislead.
        var where = gzip ? " of the decompressed data" : "";

        var magic = new byte[4];
        var got = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        if (got < 4)
        {
            throw new GanInputException(
                $"{path}: truncated header: an IDX file starts with 4 magic bytes but the file has only {got} (offset 0{where}).");
        }

        if (magic[0] != 0 || magic[1] != 0)
        {
            throw new GanInputException(
                $"{path}: not an IDX file: magic bytes at offset 0{where} are {Hex(magic)} (expected 00 00 <type> <dimensions>, for MNIST 00 00 08 01 or 00 00 08 03).");
        }

        if (magic[2] != UnsignedByte)
        {
            throw new GanInputException(
                $"{path}: unsupported element type 0x{magic[2]:x2} ({TypeName(magic[2])}) at offset 2{where}: only 0x08 (unsigned byte), the type MNIST uses, is supported.");
        }

        int rank = magic[3];
        if (rank == 0)
        {
            throw new GanInputException($"{path}: the header declares 0 dimensions at offset 3{where}; an IDX file needs at least one.");
        }

        var header = new byte[rank * 4];
        got = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got < header.Length)
        {
            throw new GanInputException(
                $"{path}: truncated header: it declares {rank} dimension(s), which need {header.Length} bytes at offset 4{where}, but only {got} follow.");
        }

        var dims = new int[rank];
        long size = 1;
        for (var i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(i * 4));
            if (dims[i] < 0)
            {
                throw new GanInputException($"{path}: dimension {i} at offset {4 + (i * 4)}{where} is negative ({dims[i]}).");
            }

            size *= dims[i];
            if (size > Array.MaxLength)
            {
                throw new GanInputException(
                    $"{path}: the header declares {string.Join('×', dims[..(i + 1)])}… elements, more than one array can hold (offset 4{where}).");
            }
        }

        var dataOffset = 4 + header.Length;
        var data = ReadData(stream, (int)size);
        var shape = string.Join('×', dims);
        if (data.Length < size)
        {
            throw new GanInputException(
                $"{path}: truncated: the header declares {shape} = {N(size)} bytes of data but only {N(data.Length)} follow (offset {dataOffset}{where}).");
        }

        var trailing = CountRemaining(stream);
        if (trailing > 0)
        {
            throw new GanInputException(
                $"{path}: {N(trailing)} unexpected byte(s) after the {N(size)} bytes of data the header declares ({shape}) (offset {dataOffset + size}{where}).");
        }

        return new IdxFile(path, dims, data);
    }

    /// <summary>Reads up to <paramref name="size"/> bytes, growing the buffer only as data actually arrives.</summary>
    private static byte[] ReadData(Stream stream, int size)
    {
        var buffer = new byte[Math.Min(size, InitialChunk)];
        var filled = 0;
        while (true)
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(filled), buffer.Length - filled, throwOnEndOfStream: false);
            filled += read;
            if (filled < buffer.Length)
            {
                Array.Resize(ref buffer, filled);
                return buffer;
            }

            if (filled == size)
            {
                return buffer;
            }

            Array.Resize(ref buffer, (int)Math.Min(size, (long)buffer.Length * 2));
        }
    }

    private static long CountRemaining(Stream stream)
    {
        var scratch = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = stream.Read(scratch)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static string TypeName(byte type) => type switch
    {
        0x09 => "signed byte",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => "not an IDX type",
    };

    private static string Hex(byte[] bytes) => string.Join(' ', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

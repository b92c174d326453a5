using System.Buffers.Binary;
using System.Text;

namespace Gan.Native;

/// <summary>
/// Marks one symbol-version requirement of an ELF shared object as weak (VER_FLG_WEAK in its Vernaux
/// entry of <c>.gnu.version_r</c>), so the dynamic loader accepts a system library that lacks that version.
/// </summary>
/// <remarks>
/// Hand-written because no package does this and it is a few dozen lines: TorchSharp 0.107's
/// libLibTorchSharp.so requires GLIBCXX_3.4.32 only for the marker symbol
/// <c>std::ios_base_library_init()</c>, which it never calls, while Debian 12 ships GLIBCXX_3.4.30.
/// </remarks>
public static class ElfVersionPatcher
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>What <see cref="MarkVersionWeak"/> did.</summary>
    public enum PatchResult
    {
        /// <summary>The requirement was strong and is now weak.</summary>
        Patched,

        /// <summary>The requirement was already weak.</summary>
        AlreadyWeak,

        /// <summary>The file does not require that version.</summary>
        NotRequired,
    }

    /// <summary>
    /// Marks the requirement of <paramref name="version"/> in <paramref name="path"/> weak. The file is
    /// rewritten through a temporary file and a rename, so a process loading it concurrently sees either
    /// the old or the new file, never half of one.
    /// </summary>
    public static PatchResult MarkVersionWeak(string path, string version)
    {
        var image = File.ReadAllBytes(path);
        var offset = FindVernauxFlagsOffset(image, version, path);
        if (offset < 0)
        {
            return PatchResult.NotRequired;
        }

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(offset));
        if ((flags & VerFlagWeak) != 0)
        {
            return PatchResult.AlreadyWeak;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(offset), (ushort)(flags | VerFlagWeak));
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, image);
        File.Move(temporary, path, overwrite: true);
        return PatchResult.Patched;
    }

    /// <summary>Whether <paramref name="path"/> requires <paramref name="version"/> and the requirement is strong.</summary>
    public static bool HasStrongRequirement(string path, string version)
    {
        var image = File.ReadAllBytes(path);
        var offset = FindVernauxFlagsOffset(image, version, path);
        return offset >= 0 && (BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(offset)) & VerFlagWeak) == 0;
    }

    /// <summary>Returns the file offset of the vna_flags field for <paramref name="version"/>, or -1.</summary>
    private static int FindVernauxFlagsOffset(byte[] image, string version, string path)
    {
        var span = image.AsSpan();
        if (span.Length < 64 || span[0] != 0x7f || span[1] != (byte)'E' || span[2] != (byte)'L' || span[3] != (byte)'F')
        {
            throw new InvalidDataException($"{path} is not an ELF file.");
        }

        if (span[4] != 2 || span[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file.");
        }

        var sectionHeaders = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]));
        int headerSize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        int headerCount = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        var wanted = Encoding.ASCII.GetBytes(version);

        for (var i = 0; i < headerCount; i++)
        {
            var header = span.Slice(sectionHeaders + (i * headerSize), headerSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != ShtGnuVerneed)
            {
                continue;
            }

            var verneedOffset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]));
            var linkedStrings = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]);
            var entryCount = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x2C..]);
            var stringsHeader = span.Slice(sectionHeaders + (linkedStrings * headerSize), headerSize);
            var stringsOffset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(stringsHeader[0x18..]));

            var need = verneedOffset;
            for (var n = 0; n < entryCount; n++)
            {
                int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(span[(need + 2)..]);
                var aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 8)..]);
                for (var a = 0; a < auxCount; a++)
                {
                    var nameOffset = stringsOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 8)..]);
                    var name = span[nameOffset..];
                    if (name.StartsWith(wanted) && name[wanted.Length] == 0)
                    {
                        return aux + 4;
                    }

                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 12)..]);
                }

                need += (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 12)..]);
            }
        }

        return -1;
    }
}

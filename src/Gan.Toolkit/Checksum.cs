using System.Security.Cryptography;
using System.Text;

namespace Gan.Toolkit;

/// <summary>SHA-256 digests as lower-case hex, the form <c>sha256sum</c> prints and cache files record.</summary>
public static class Checksum
{
    /// <summary>The SHA-256 of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The SHA-256 of everything <paramref name="stream"/> has left to read.</summary>
    public static string Sha256(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));

    /// <summary>The SHA-256 of a file's bytes.</summary>
    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Sha256(stream);
    }
}

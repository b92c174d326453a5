using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gan.Abstractions;

/// <summary>
/// Digests for <see cref="DatasetInfo.Digest"/>: 16 hex digits of a SHA-256 over each file's name (relative to a
/// root), size and content hash, in name order, so renaming, editing, adding or removing a file changes it. The
/// one helper in the contracts that touches files: every data source needs the same fingerprint. Added in 1.1.
/// </summary>
public static class DatasetFingerprint
{
    /// <summary>The digest of <paramref name="files"/>, named relative to <paramref name="root"/>.</summary>
    /// <exception cref="GanInputException">A file cannot be read (named in the message).</exception>
    public static string OfFiles(string root, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var lines = new List<string>();
        foreach (var file in files)
        {
            try
            {
                using var stream = File.OpenRead(file);
                var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
                var name = Path.GetRelativePath(root, file).Replace('\\', '/');
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name}\t{stream.Length}\t{hash}"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new GanInputException($"Cannot read {file} to fingerprint the dataset: {ex.Message}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return OfText(lines.ToArray());
    }

    /// <summary>The digest of some text (the parameters of generated data, say).</summary>
    public static string OfText(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..16];
    }
}

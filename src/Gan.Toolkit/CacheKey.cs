namespace Gan.Toolkit;

/// <summary>
/// A short, stable name for the inputs a cached file was derived from: the leading hex digits of the SHA-256 of a
/// description of those inputs. Stable across processes and machines (unlike <c>string.GetHashCode</c> and
/// <c>HashCode</c>, randomised per process), so a later run finds the cache an earlier one wrote.
/// </summary>
public static class CacheKey
{
    /// <summary>The key of <paramref name="inputs"/>: the first <paramref name="length"/> hex digits (4–64) of its SHA-256.</summary>
    /// <remarks>
    /// Put everything that changes the cached content into <paramref name="inputs"/> (options, a format version,
    /// file names with sizes and times or a <c>DatasetFingerprint</c>); 24 digits make collisions negligible.
    /// </remarks>
    public static string Of(string inputs, int length = 24)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 64);
        return Checksum.Sha256(inputs)[..length];
    }

}

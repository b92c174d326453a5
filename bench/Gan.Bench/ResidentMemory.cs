using System.Globalization;

namespace Gan.Bench;

/// <summary>The process's resident set size as the kernel reports it (VmRSS and VmHWM in /proc/self/status).</summary>
/// <remarks>
/// Process.WorkingSet64 reads the same figure but allocates a Process snapshot of every field; this reads one line,
/// cheap enough to sample inside a training loop.
/// </remarks>
public static class ResidentMemory
{
    /// <summary>Current VmRSS in bytes, or 0 where /proc is not available.</summary>
    public static long CurrentBytes() => StatusBytes("VmRSS:");

    /// <summary>The process's peak resident memory so far (VmHWM, the high-water mark) in bytes, or 0 where /proc is not available.</summary>
    public static long PeakBytes() => StatusBytes("VmHWM:");

    private static long StatusBytes(string prefix)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    // "VmRSS:	  512344 kB"
                    var kilobytes = line[prefix.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            return 0;
        }

        return 0;
    }
}

using System.Globalization;

namespace Gan.Bench;

/// <summary>The process's resident set size as the kernel reports it (VmRSS in /proc/self/status).</summary>
/// <remarks>
/// Process.WorkingSet64 reads the same figure but allocates a Process snapshot of every field; this reads one line,
/// cheap enough to sample inside a training loop.
/// </remarks>
public static class ResidentMemory
{
    /// <summary>Current VmRSS in bytes, or 0 where /proc is not available.</summary>
    public static long CurrentBytes()
    {
        const string Prefix = "VmRSS:";
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    // "VmRSS:	  512344 kB"
                    var kilobytes = line[Prefix.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
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

namespace Gan.Bench;

/// <summary>The machine's load averages, printed beside figures so a reader can tell a quiet run from a busy one.</summary>
internal static class LoadAverage
{
    /// <summary>The 1, 5 and 15 minute load averages, or "unknown".</summary>
    public static string Now()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}

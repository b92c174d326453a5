using System.Globalization;

namespace Gan.Engine.Training;

/// <summary>
/// How many of the machine's cores other processes kept busy since the last reading, from Linux's <c>/proc/stat</c>
/// (all processes) minus <c>/proc/self/stat</c> (this one). Null where <c>/proc</c> is not readable.
/// </summary>
internal sealed class CpuAvailability
{
    private (long Busy, long Total, long Self)? _last;

    /// <summary>Cores of the machine.</summary>
    public int Cores { get; } = Environment.ProcessorCount;

    /// <summary>Cores other processes used on average since the previous call; null on the first call or without /proc.</summary>
    public double? OthersBusyCores()
    {
        var now = Read();
        if (now is null)
        {
            return null;
        }

        var previous = _last;
        _last = now;
        if (previous is not { } before || now.Value.Total <= before.Total)
        {
            return null;
        }

        // Jiffies: busy ones of every process (ours included) less ours, over the elapsed time of one core.
        var perCore = (now.Value.Total - before.Total) / (double)Cores;
        var others = (now.Value.Busy - before.Busy) - (now.Value.Self - before.Self);
        return Math.Clamp(others / perCore, 0, Cores);
    }

    private static (long Busy, long Total, long Self)? Read()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal ...": idle and iowait are the unused time.
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var total = cpu.Take(8).Sum();
            var busy = total - cpu[3] - cpu[4];
            // /proc/self/stat: fields 14 and 15 (utime, stime) after the parenthesised command name.
            var self = File.ReadAllText("/proc/self/stat");
            var fields = self[(self.LastIndexOf(')') + 2)..].Split(' ');
            var ours = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (busy, total, ours);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return null;
        }
    }
}

using System.Globalization;

namespace Gan.Tracking.SystemMetrics;

/// <summary>
/// CPU, memory, network and this process's resident memory from Linux's <c>/proc</c> (a root folder, so tests can
/// give a fake one), under the names MLflow's own system-metrics monitor logs. Hand-written: psutil, which MLflow
/// uses, has no .NET counterpart in the package feed, and <c>/proc</c> is plain text.
/// </summary>
public sealed class ProcSystemMetrics : ISystemMetricSource
{
    private const double Megabyte = 1e6; // MLflow divides by 1e6, not 2^20
    private readonly string _proc;
    private (long Busy, long Total)? _lastCpu;
    private (long Received, long Sent)? _firstNetwork;

    /// <summary>Reads <paramref name="procRoot"/> (default <c>/proc</c>).</summary>
    public ProcSystemMetrics(string procRoot = "/proc") => _proc = procRoot;

    /// <inheritdoc />
    public void Sample(IDictionary<string, double> into)
    {
        SampleCpu(into);
        SampleMemory(into);
        SampleNetwork(into);
        SampleProcess(into);
    }

    // Utilisation between two samples from the first "cpu" line of /proc/stat: busy jiffies / all jiffies.
    private void SampleCpu(IDictionary<string, double> into)
    {
        var line = ReadLines("stat")?.FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        if (line is null)
        {
            return;
        }

        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Number).ToArray();
        if (fields.Length < 4)
        {
            return;
        }

        // user nice system idle iowait irq softirq steal (guest time is already inside user and nice).
        var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
        var total = fields.Take(8).Sum();
        var now = (Busy: total - idle, Total: total);
        if (_lastCpu is { } last && now.Total > last.Total)
        {
            into["system/cpu_utilization_percentage"] = 100.0 * (now.Busy - last.Busy) / (now.Total - last.Total);
        }

        _lastCpu = now;
    }

    private void SampleMemory(IDictionary<string, double> into)
    {
        var info = ReadKeyValues("meminfo");
        if (info.TryGetValue("MemTotal", out var totalKb) && info.TryGetValue("MemAvailable", out var availableKb) && totalKb > 0)
        {
            var usedKb = totalKb - availableKb;
            into["system/system_memory_usage_megabytes"] = usedKb * 1024 / Megabyte;
            into["system/system_memory_usage_percentage"] = 100.0 * usedKb / totalKb;
        }
    }

    // Bytes through every interface since the sampler started, as MLflow reports them.
    private void SampleNetwork(IDictionary<string, double> into)
    {
        var lines = ReadLines(Path.Combine("net", "dev"));
        if (lines is null)
        {
            return;
        }

        long received = 0;
        long sent = 0;
        foreach (var line in lines.Skip(2))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var fields = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 9)
            {
                received += Number(fields[0]);
                sent += Number(fields[8]);
            }
        }

        _firstNetwork ??= (received, sent);
        into["system/network_receive_megabytes"] = (received - _firstNetwork.Value.Received) / Megabyte;
        into["system/network_transmit_megabytes"] = (sent - _firstNetwork.Value.Sent) / Megabyte;
    }

    private void SampleProcess(IDictionary<string, double> into)
    {
        if (ReadKeyValues(Path.Combine("self", "status")).TryGetValue("VmRSS", out var rssKb))
        {
            into["system/process_memory_rss_megabytes"] = rssKb * 1024 / Megabyte;
        }
    }

    private string[]? ReadLines(string relative)
    {
        try
        {
            return File.ReadAllLines(Path.Combine(_proc, relative));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // "Key:   123 kB" lines (meminfo, status), values in kB.
    private Dictionary<string, long> ReadKeyValues(string relative)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in ReadLines(relative) ?? [])
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var value = line[(colon + 1)..].Trim().Split(' ', 2)[0];
                if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    result[line[..colon].Trim()] = number;
                }
            }
        }

        return result;
    }

    private static long Number(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}

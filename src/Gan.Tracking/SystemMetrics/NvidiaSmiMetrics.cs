using System.Diagnostics;
using System.Globalization;

namespace Gan.Tracking.SystemMetrics;

/// <summary>
/// Utilisation and memory of the CUDA devices a run uses, read from <c>nvidia-smi</c> when it is on the machine
/// (<c>system/gpu_{i}_utilization_percentage</c>, <c>_memory_usage_megabytes</c>, <c>_memory_usage_percentage</c>, as
/// MLflow names them). Without the tool, or without a GPU, it adds nothing.
/// </summary>
public sealed class NvidiaSmiMetrics : ISystemMetricSource
{
    private const string Query = "--query-gpu=index,utilization.gpu,memory.used,memory.total";
    private readonly string _executable;
    private readonly IReadOnlySet<int> _devices;

    /// <summary>Reads the devices <paramref name="deviceIndices"/> through <paramref name="executable"/>.</summary>
    public NvidiaSmiMetrics(IReadOnlySet<int> deviceIndices, string executable = "nvidia-smi")
    {
        _devices = deviceIndices;
        _executable = executable;
    }

    /// <inheritdoc />
    public void Sample(IDictionary<string, double> into)
    {
        if (_devices.Count == 0 || Run() is not { } output)
        {
            return;
        }

        Parse(output, _devices, into);
    }

    /// <summary>Reads <c>nvidia-smi --format=csv,noheader,nounits</c> lines ("0, 87, 10240, 24576").</summary>
    internal static void Parse(string output, IReadOnlySet<int> devices, IDictionary<string, double> into)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length < 4
                || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                || !devices.Contains(index))
            {
                continue;
            }

            if (double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var utilization))
            {
                into[$"system/gpu_{index}_utilization_percentage"] = utilization;
            }

            // nvidia-smi reports MiB.
            if (double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var usedMib)
                && double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var totalMib) && totalMib > 0)
            {
                into[$"system/gpu_{index}_memory_usage_megabytes"] = usedMib * 1024 * 1024 / 1e6;
                into[$"system/gpu_{index}_memory_usage_percentage"] = 100.0 * usedMib / totalMib;
            }
        }
    }

    private string? Run()
    {
        try
        {
            var start = new ProcessStartInfo(_executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Query);
            start.ArgumentList.Add("--format=csv,noheader,nounits");
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            return process.WaitForExit(5_000) && process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
    }
}

namespace Gan.Tracking.SystemMetrics;

/// <summary>Use of the file system holding a folder (the run's working folder), as MLflow's disk monitor reports it.</summary>
public sealed class DiskSystemMetrics : ISystemMetricSource
{
    private const double Megabyte = 1e6;
    private readonly string _path;

    /// <summary>Measures the drive of <paramref name="path"/>.</summary>
    public DiskSystemMetrics(string path) => _path = Path.GetFullPath(path);

    /// <inheritdoc />
    public void Sample(IDictionary<string, double> into)
    {
        try
        {
            var drive = new DriveInfo(_path);
            if (drive.TotalSize <= 0)
            {
                return;
            }

            var used = drive.TotalSize - drive.TotalFreeSpace;
            into["system/disk_usage_megabytes"] = used / Megabyte;
            into["system/disk_usage_percentage"] = 100.0 * used / drive.TotalSize;
            into["system/disk_available_megabytes"] = drive.AvailableFreeSpace / Megabyte;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // No drive information (an unusual mount): nothing to report.
        }
    }
}

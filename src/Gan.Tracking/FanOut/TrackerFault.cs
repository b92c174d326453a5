using Microsoft.Extensions.Logging;

namespace Gan.Tracking.FanOut;

/// <summary>
/// Whether one tracker has failed, shared by every run it records in a process: the first exception is reported once,
/// naming the tracker, and from then on the tracker is left out, so training and the other trackers go on.
/// </summary>
internal sealed class TrackerFault(string tracker, ILogger logger)
{
    private int _failed;

    public bool HasFailed => Volatile.Read(ref _failed) == 1;

    public void Report(string operation, Exception exception)
    {
        if (Interlocked.Exchange(ref _failed, 1) == 0)
        {
            logger.LogWarning(TrackingLogEvents.TrackerFailed, exception,
                "Tracker {Tracker} failed in {Operation}: {Error}. It records nothing more in this process; training and the other trackers go on.",
                tracker, operation, exception.Message);
        }
    }
}

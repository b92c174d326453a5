using Gan.Abstractions;

namespace Gan.Toolkit;

/// <summary>A download that failed; the message names the URL, the file and why (<see cref="Reason"/>).</summary>
public sealed class DownloadException : GanInputException
{
    /// <summary>Creates the exception.</summary>
    public DownloadException(Uri url, string path, string reason, Exception? inner = null)
        : base($"Could not download {url} to {path}: {reason}.", inner!)
    {
        Url = url;
        Path = path;
        Reason = reason;
    }

    /// <summary>What was requested.</summary>
    public Uri Url { get; }

    /// <summary>Where it was to be written.</summary>
    public string Path { get; }

    /// <summary>Why it failed, without the URL and path (for callers that list several attempts).</summary>
    public string Reason { get; }
}

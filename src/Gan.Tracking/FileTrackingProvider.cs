using Gan.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Tracking;

/// <summary>
/// MLflow's file store: a <c>file:</c> URI (<c>file:///abs/mlruns</c>, or MLflow's <c>file:relative/path</c>) or a
/// plain folder, which has no scheme at all.
/// </summary>
public sealed class FileTrackingProvider(ILoggerFactory? loggerFactory = null) : ITrackingProvider
{
    private readonly ILoggerFactory _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Schemes { get; } = ["file"];

    /// <inheritdoc />
    public bool CanHandle(string uri) => TrackingProviderRegistry.SchemeOf(uri) is null or "file";

    /// <inheritdoc />
    public void Validate(TrackingTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (string.IsNullOrWhiteSpace(target.Uri))
        {
            throw new GanInputException($"{target.Setting} is empty: give a folder, or a tracking URI.");
        }
    }

    /// <inheritdoc />
    public ITrackingStore Create(TrackingTarget target) => new FileTrackingStore(Folder(target.Uri), _loggerFactory);

    /// <summary>The absolute folder of a file store URI or path.</summary>
    public static string Folder(string uri)
    {
        var folder = uri;
        if (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // file:///abs/path is a URI; MLflow also accepts file:relative/path.
            folder = System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile && uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
                ? parsed.LocalPath
                : uri[5..];
        }

        return Path.GetFullPath(folder);
    }
}

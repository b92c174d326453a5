using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Tracking;

/// <summary>
/// <c>gan tracking sync</c>: replays every run spool under a spool root to the server its manifest names, in
/// order and without duplicating metrics (the sender checks the server's history first, since the previous
/// process may have delivered the last batch before it stopped). Fully sent spools are deleted.
/// </summary>
public sealed class TrackingSync
{
    private readonly Func<string, MlflowConnection> _connect;
    private readonly MlflowRestOptions _options;
    private readonly ILoggerFactory _loggerFactory;

    /// <summary>
    /// Creates the syncer. <paramref name="connect"/> turns a manifest's tracking URI into a connection (adding the
    /// credentials from the environment, which spools never hold).
    /// </summary>
    public TrackingSync(Func<string, MlflowConnection> connect, MlflowRestOptions options, ILoggerFactory? loggerFactory = null)
    {
        _connect = connect;
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    /// <summary>Replays the spools under <see cref="MlflowRestOptions.SpoolDirectory"/>, optionally only <paramref name="runId"/>'s.</summary>
    public async Task<IReadOnlyList<SpoolSyncResult>> SyncAsync(string? runId, CancellationToken ct)
    {
        var results = new List<SpoolSyncResult>();
        foreach (var spool in RunSpool.All(_options.SpoolDirectory))
        {
            if (spool.ReadManifest() is not { } manifest || (runId is not null && manifest.RunId != runId))
            {
                continue;
            }

            var lines = spool.ReadUnsent();
            using var http = new MlflowHttp(_connect(manifest.TrackingUri));
            var sender = new MlflowRunSender(new MlflowRestClient(http), manifest.RunId, manifest.ExperimentId, manifest.ArtifactUri, _options, _loggerFactory.CreateLogger<TrackingSync>())
            {
                VerifyBeforeSend = true,
            };
            var handled = await sender.SendAsync(lines, _options.RetryBudget, ct);
            spool.Acknowledge(handled);
            if (handled == lines.Count)
            {
                spool.Delete();
            }

            results.Add(new SpoolSyncResult(manifest.RunId, manifest.TrackingUri, handled, lines.Count - handled, handled == lines.Count ? null : sender.LastFailure));
        }

        return results;
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Tracking.FanOut;

/// <summary>
/// Records each run in a primary store and in every extra store of <c>tracking.also</c>. The primary decides: its run
/// id is the run's id (checkpoint folders, resume, nesting), its failures are the run's failures, and resume trims its
/// history. An extra store that throws, when a run starts or on any later call, is reported once as a warning naming
/// it and left out from then on; training and the other trackers go on.
/// <para>
/// Each extra run is a run of its own store, with its own id: the primary run carries the tag
/// <c>gan.tracking.also.&lt;n&gt;</c> naming it, the extra run the tag <c>gan.tracking.primary_run_id</c>. A nested run's
/// parent is the extra store's copy of the parent. A resumed run (one reopened by id) gets a new run in each extra store,
/// since a checkpoint records only the primary's ids: the extra store then holds the run in two parts, both tagged with
/// the same primary run id, and the values a killed run logged after its last checkpoint stay in the first part.
/// </para>
/// </summary>
public sealed class FanOutTrackingStore : ITrackingStore
{
    private readonly TrackerFault[] _faults;
    private readonly ConcurrentDictionary<string, string?[]> _alsoRunIds = new(StringComparer.Ordinal);

    /// <summary>A store recording to <paramref name="primary"/> and to each of <paramref name="also"/>.</summary>
    public FanOutTrackingStore(ITrackingStore primary, IReadOnlyList<ITrackingStore> also, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(also);
        Primary = primary;
        Also = also;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FanOutTrackingStore>();
        _faults = [.. also.Select((store, i) => new TrackerFault($"tracking.also.{i} ({store.Description})", logger))];
    }

    /// <summary>The store that decides the run's id.</summary>
    public ITrackingStore Primary { get; }

    /// <summary>The extra stores, in the order of <c>tracking.also</c>.</summary>
    public IReadOnlyList<ITrackingStore> Also { get; }

    /// <summary>The primary's description: a checkpoint records it to find the run again on resume.</summary>
    public string Description => Primary.Description;

    /// <inheritdoc />
    public async Task<ITrackedRun> StartRunAsync(RunStartRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var primary = await Primary.StartRunAsync(request, ct);
        var ids = new string?[Also.Count];
        var runs = new List<ITrackedRun>();
        for (var i = 0; i < Also.Count; i++)
        {
            if (_faults[i].HasFailed)
            {
                continue;
            }

            try
            {
                var run = await Also[i].StartRunAsync(ForAlso(request, primary.RunId, i), ct);
                ids[i] = run.RunId;
                runs.Add(new GuardedTrackedRun(run, _faults[i]));
                primary.SetTag(TrackingKeys.AlsoTagPrefix + i, $"{run.RunId} ({Also[i].Description})");
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                _faults[i].Report(nameof(StartRunAsync), ex);
            }
        }

        _alsoRunIds[primary.RunId] = ids;
        return runs.Count == 0 ? primary : new FanOutTrackedRun(primary, runs);
    }

    /// <summary>Trims the primary only: a resumed run starts a new run in each extra store (see the class remarks).</summary>
    public Task<MetricHistoryTrim?> TrimMetricHistoryAsync(string runId, long lastStep, CancellationToken ct) =>
        Primary.TrimMetricHistoryAsync(runId, lastStep, ct);

    private RunStartRequest ForAlso(RunStartRequest request, string primaryRunId, int index)
    {
        var tags = new Dictionary<string, string>(request.Tags, StringComparer.Ordinal) { [TrackingKeys.PrimaryRunTag] = primaryRunId };
        return request with
        {
            // A reopened run keeps its name in the primary; the extra store's new run takes it from the tags.
            RunName = request.RunName.Length > 0 ? request.RunName : request.Tags.GetValueOrDefault(MlflowTags.RunName, ""),
            Tags = tags,
            ParentRunId = AlsoRunId(request.ParentRunId, index),
            ExistingRunId = AlsoRunId(request.ExistingRunId, index),
        };
    }

    private string? AlsoRunId(string? primaryRunId, int index) =>
        primaryRunId is not null && _alsoRunIds.TryGetValue(primaryRunId, out var ids) ? ids[index] : null;
}

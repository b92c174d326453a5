using System.Globalization;

namespace Gan.Engine.Sweeps;

/// <summary>
/// Runs an asha sweep's rungs on the local or Slurm executor: every trial to the first rung, then the promoted ones,
/// each resumed from its paused checkpoint into the same tracking run, to the next rung. The manifest records each
/// trial's rung (a Slurm task reads it there); a rung's results are kept as <c>trialNNN/rungK.json</c> when the next
/// rung starts.
/// </summary>
public sealed class SuccessiveHalvingExecutor(ITrialExecutor inner) : ITrialExecutor
{
    /// <inheritdoc />
    public async Task RunAsync(string sweepFolder, SweepManifest manifest, IReadOnlyList<TrialSpec> trials, Action<string> report, CancellationToken cancellation)
    {
        var metric = manifest.Metric ?? throw new InvalidOperationException("An asha sweep's manifest names no metric.");
        IReadOnlyList<TrialSpec> current = trials;
        for (var rung = 0; rung < manifest.Rungs.Count && current.Count > 0; rung++)
        {
            var toRun = current.Where(trial => Enter(sweepFolder, trial, rung)).ToList();
            manifest.Write(sweepFolder);
            var carried = toRun.Count < current.Count ? $" ({current.Count - toRun.Count} already ran to their end)" : "";
            report(string.Create(CultureInfo.InvariantCulture, $"rung {rung + 1}/{manifest.Rungs.Count}: {current.Count} trial(s) to step {manifest.Rungs[rung]}{carried}"));
            await inner.RunAsync(sweepFolder, manifest, toRun, report, cancellation);
            if (rung == manifest.Rungs.Count - 1)
            {
                break;
            }

            var results = current.Select(t => (t, TrialResult.TryRead(sweepFolder, t))).ToList();
            current = SuccessiveHalving.Promote(results, metric, manifest.Mode, manifest.ReductionFactor);
            report(current.Count == 0
                ? $"rung {rung + 1} done: no trial finished it with a value of {metric}; nothing to promote"
                : $"rung {rung + 1} done: promoted trial(s) {string.Join(", ", current.Select(t => t.Index))} (the best {current.Count} of {results.Count} by {metric})");
        }
    }

    /// <summary>
    /// Moves <paramref name="trial"/> into <paramref name="rung"/>; true when it must run. A trial whose last rung ran
    /// to the end of training (early stopping, or its epochs ended first) keeps its result for this rung.
    /// </summary>
    private static bool Enter(string sweepFolder, TrialSpec trial, int rung)
    {
        trial.Rung = rung;
        if (rung == 0 || TrialResult.TryRead(sweepFolder, trial) is not { } previous)
        {
            return true;
        }

        if (previous.PausedAtStep is null)
        {
            previous.Rung = rung;
            previous.Write(sweepFolder, trial);
            return false;
        }

        // Kept for the record and for the next rung's resume; result.json must be absent so a lost process is noticed.
        File.Move(TrialResult.PathOf(sweepFolder, trial), TrialResult.RungPathOf(sweepFolder, trial, rung - 1), overwrite: true);
        return true;
    }
}

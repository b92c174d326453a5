namespace Gan.Engine.Sweeps;

/// <summary>Runs some of a sweep's trials to completion; each trial writes its own result file.</summary>
public interface ITrialExecutor
{
    /// <summary>Runs <paramref name="trials"/> and returns when all have ended; progress lines go to <paramref name="report"/>.</summary>
    Task RunAsync(string sweepFolder, SweepManifest manifest, IReadOnlyList<TrialSpec> trials, Action<string> report, CancellationToken cancellation);
}

namespace Gan.Engine.Sweeps;

/// <summary>The tags sweeps set on their parent run and on each trial's run.</summary>
public static class SweepTags
{
    /// <summary>Parent run: the sweep folder.</summary>
    public const string Folder = "gan.sweep.folder";

    /// <summary>Parent run: local or slurm.</summary>
    public const string Executor = "gan.sweep.executor";

    /// <summary>Parent run: the best trial's number.</summary>
    public const string BestTrial = "gan.sweep.best_trial";

    /// <summary>Parent run: the best trial's run id.</summary>
    public const string BestRun = "gan.sweep.best_run";

    /// <summary>Trial run: its number.</summary>
    public const string Trial = "gan.sweep.trial";

    /// <summary>Trial run: its <c>--set</c> assignments.</summary>
    public const string Overrides = "gan.sweep.overrides";

    /// <summary>Trial run of a successive-halving sweep: the last rung it ran (0 first).</summary>
    public const string Rung = "gan.sweep.rung";

    /// <summary>Trial run of a successive-halving sweep: the step of the last stage its last rung ended at.</summary>
    public const string RungStep = "gan.sweep.rung_step";
}

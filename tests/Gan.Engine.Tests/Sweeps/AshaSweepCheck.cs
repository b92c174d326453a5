using System.Globalization;
using Gan.Engine.Sweeps;
using Gan.Tracking;

namespace Gan.Engine.Tests.Sweeps;

/// <summary>
/// Checks what a finished 9-trial asha sweep (rungs at 2, 6 and 18 steps, η = 3, ranked by the lowest d_loss) left
/// behind, from the values each trial recorded at each rung: the promotions, the resumed runs and the summary.
/// </summary>
internal static class AshaSweepCheck
{
    public static string[] Arguments(string sweepsFolder) =>
    [
        "--sweep", "seed=1,2,3,4,5,6,7,8,9", "--set", "sweep.method=asha", "--set", "sweep.metric=d_loss",
        "--set", "sweep.min_steps=2", "--set", "sweep.max_steps=18", "--set", "sweep.reduction_factor=3",
        "--set", $"sweep.directory={sweepsFolder}",
    ];

    public static void Verify(string folder, FileStoreReader store)
    {
        var manifest = SweepManifest.Read(folder);
        Assert.Equal([2L, 6L, 18L], manifest.Rungs);
        var rung0 = manifest.Trials.ToDictionary(t => t.Index, t => ResultOfRung(folder, t, 0));
        Assert.All(rung0.Values, r => Assert.Equal(("FINISHED", 2L), (r.Status, r.Steps)));
        var promoted = Best(rung0, 3);
        Assert.Equal(promoted, manifest.Trials.Where(t => t.Rung >= 1).Select(t => t.Index).Order());

        var rung1 = promoted.ToDictionary(i => i, i => ResultOfRung(folder, manifest.Trial(i), 1));
        Assert.All(rung1.Values, r => Assert.Equal(("FINISHED", 6L), (r.Status, r.Steps)));
        var finalist = Assert.Single(Best(rung1, 1));
        Assert.Equal(finalist, Assert.Single(manifest.Trials, t => t.Rung == 2).Index);
        var last = SweepResults.Result(folder, finalist);
        Assert.Equal((18L, (long?)null), (last.Steps, last.PausedAtStep));

        // One run per trial, resumed rung after rung: every step's d_loss once, and the tags of its last rung.
        Assert.Equal(rung0[finalist].RunId, last.RunId);
        Assert.Equal(rung1[finalist].RunId, last.RunId);
        Assert.Equal(Enumerable.Range(1, 18).Select(s => (long)s), store.GetMetricHistory(last.RunId!, "d_loss").Select(p => p.Step).Order());
        var run = store.GetRun(last.RunId!);
        Assert.Equal(("2", "18"), (run.Tags[SweepTags.Rung], run.Tags[SweepTags.RungStep]));
        Assert.Equal(RunStatus.Finished, run.Status);

        var top = SweepResults.SummaryRows(folder)[0].Split('\t');
        Assert.Equal((finalist.ToString(CultureInfo.InvariantCulture), "3", "18"), (top[1], top[4], top[5]));
    }

    /// <summary>A trial's result of <paramref name="rung"/>: kept aside once it went on, else its last result.</summary>
    private static TrialResult ResultOfRung(string folder, TrialSpec trial, int rung) =>
        TrialResult.TryReadFile(TrialResult.RungPathOf(folder, trial, rung)) is { } kept
            ? kept
            : Assert.IsType<TrialResult>(TrialResult.TryRead(folder, trial) is { } result && result.Rung == rung ? result : null);

    private static List<int> Best(Dictionary<int, TrialResult> results, int count) =>
        results.OrderBy(r => r.Value.Metrics["d_loss"]).Take(count).Select(r => r.Key).Order().ToList();
}

using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Sweeps;
using Gan.Engine.Tests.Checkpoints;

namespace Gan.Engine.Tests.Sweeps;

public sealed class SuccessiveHalvingTests
{
    [Theory]
    [InlineData(2, 18, 3, new long[] { 2, 6, 18 })]
    [InlineData(2, 20, 3, new long[] { 2, 6, 20 })]
    [InlineData(2, 5, 3, new long[] { 2, 5 })]
    [InlineData(100, 1600, 2, new long[] { 100, 200, 400, 800, 1600 })]
    [InlineData(10, 1000, 4, new long[] { 10, 40, 160, 1000 })]
    public void Rungs_multiply_min_steps_by_the_factor_and_end_at_max_steps(long min, long max, int factor, long[] expected) =>
        Assert.Equal(expected, SuccessiveHalving.Rungs(min, max, factor));

    [Fact]
    public void Promotion_keeps_the_best_third_by_the_metric_and_skips_failed_and_non_finite_trials()
    {
        var rung = new (TrialSpec, TrialResult?)[]
        {
            Trial(0, 0.9), Trial(1, 0.2), Trial(2, double.NaN), Trial(3, 0.5), Trial(4, 0.1, status: "FAILED"),
            Trial(5, 0.3), Trial(6, 0.8), (new TrialSpec(7, []), null), Trial(8, 0.25),
        };

        Assert.Equal([1, 8, 5], SuccessiveHalving.Promote(rung, "fid", MetricGoal.Min, 3).Select(t => t.Index));
        Assert.Equal([0, 6, 3], SuccessiveHalving.Promote(rung, "fid", MetricGoal.Max, 3).Select(t => t.Index));
        Assert.Equal([1], SuccessiveHalving.Promote(rung[..2], "fid", MetricGoal.Min, 3).Select(t => t.Index)); // at least one goes on
    }

    [Fact]
    public async Task Rungs_run_every_trial_then_the_promoted_ones_resuming_from_the_previous_rung()
    {
        using var temp = new TemporaryDirectory();
        var manifest = new SweepManifest
        {
            Method = SweepMethod.Asha, Rungs = [2, 6, 18], ReductionFactor = 3, Metric = "fid", Mode = MetricGoal.Min,
            Trials = Enumerable.Range(0, 9).Select(i => new TrialSpec(i, [$"seed={i}"])).ToList(),
        };
        // The metric a trial reaches at each rung: trial 4 is best at the first rung but runs to its end there
        // (as early stopping would end it), so it is promoted without running again.
        double Value(int trial, int rung) => trial == 4 ? 0.05 : (10 - trial) + rung * (trial % 2 == 0 ? -5 : 0);
        var scripted = new ScriptedExecutor((trial, rung) => new TrialResult
        {
            Index = trial.Index, Status = "FINISHED", RunId = $"run{trial.Index}", Rung = rung,
            PausedAtStep = trial.Index == 4 || rung == 2 ? null : manifest.Rungs[rung],
            Metrics = new() { ["fid"] = Value(trial.Index, rung) },
        });

        await new SuccessiveHalvingExecutor(scripted).RunAsync(temp.Path, manifest, manifest.Trials, _ => { }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 9), scripted.Ran[0]);
        Assert.Equal([8, 7], scripted.Ran[1]); // promoted 4, 8, 7; trial 4 had ended
        Assert.Equal([8], scripted.Ran[2]); // at the second rung trial 8 reached 2 - 5 = -3, below trial 4's 0.05 and 7's 3
        Assert.Equal([0, 0, 0, 0, 1, 0, 0, 1, 2], manifest.Trials.Select(t => t.Rung));
        Assert.Equal(2, SweepManifest.Read(temp.Path).Trial(8).Rung);
        Assert.Equal(6, TrialResult.TryReadFile(TrialResult.RungPathOf(temp.Path, manifest.Trial(8), 1))!.PausedAtStep);
        Assert.False(File.Exists(TrialResult.RungPathOf(temp.Path, manifest.Trial(4), 0)), "a trial that ran to its end keeps its result");
        var summary = SweepSummary.Build(temp.Path, manifest);
        Assert.Equal([8, 4, 7, 6], summary.Rows.Take(4).Select(r => r.Trial.Index));
    }

    [Theory]
    [InlineData(null, 18L, "fid", true, "needs sweep.min_steps and sweep.max_steps")]
    [InlineData(18L, 18L, "fid", true, "must be below sweep.max_steps")]
    [InlineData(2L, 18L, null, true, "needs sweep.metric")]
    [InlineData(2L, 18L, "fid", false, "checkpoints.enabled: true")]
    public void Incomplete_asha_settings_are_refused_with_what_to_set(long? min, long? max, string? metric, bool checkpoints, string expected)
    {
        var section = new SweepDefinition { Method = SweepMethod.Asha, MinSteps = min, MaxSteps = max, Metric = metric };

        var error = Assert.Throws<GanInputException>(() => SuccessiveHalving.Validate(section, checkpoints));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static (TrialSpec, TrialResult?) Trial(int index, double value, string status = "FINISHED") =>
        (new TrialSpec(index, []), new TrialResult { Index = index, Status = status, Metrics = new() { ["fid"] = value } });

    /// <summary>Stands in for the local or Slurm executor: writes each trial's result as its process would.</summary>
    private sealed class ScriptedExecutor(Func<TrialSpec, int, TrialResult> resultOf) : ITrialExecutor
    {
        public List<List<int>> Ran { get; } = [];

        public Task RunAsync(string sweepFolder, SweepManifest manifest, IReadOnlyList<TrialSpec> trials, Action<string> report, CancellationToken cancellation)
        {
            var rung = trials.Select(t => t.Rung).Distinct().Single();
            Ran.Add(trials.Select(t => t.Index).ToList());
            foreach (var trial in trials)
            {
                Assert.False(File.Exists(TrialResult.PathOf(sweepFolder, trial)), "the previous rung's result is moved aside before a trial runs again");
                if (rung > 0)
                {
                    Assert.Equal($"run{trial.Index}", TrialRunner.Options(sweepFolder, manifest, trial).Resume);
                }

                Directory.CreateDirectory(Path.Combine(sweepFolder, trial.FolderName));
                resultOf(trial, rung).Write(sweepFolder, trial);
            }

            return Task.CompletedTask;
        }
    }
}

using Gan.Engine.Experiments;
using Gan.Engine.Tests.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Engine.Training;
using Gan.Tracking;

namespace Gan.Engine.Tests.Training;

[Collection(InProcessTrainingCollection.Name)]
public sealed class LearningRateScheduleTests
{
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(9, 1.0)]
    [InlineData(10, 1.0)]
    [InlineData(15, 0.5)]   // halfway from start 10 to end 20
    [InlineData(20, 0.0)]
    [InlineData(30, 0.0)]
    public void Linear_holds_then_falls_to_final(long t, double expected) =>
        Assert.Equal(expected, LearningRateSchedule.Factor(new SchedulerDefinition { Type = SchedulerKind.Linear, Start = 10, End = 20 }, t), 12);

    [Fact]
    public void Linear_reproduces_cyclegans_decay_for_every_epoch()
    {
        // The reference's lambda_rule: 1 − max(0, epoch + 1 − n_epochs) / (n_epochs_decay + 1), with n = 100, d = 100.
        var schedule = new SchedulerDefinition { Type = SchedulerKind.Linear, Start = 99, End = 200 };
        for (var epoch = 0; epoch < 200; epoch++)
        {
            Assert.Equal(1.0 - (Math.Max(0, epoch + 1 - 100) / 101.0), LearningRateSchedule.Factor(schedule, epoch), 12);
        }
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(2, 1.0)]
    [InlineData(3, 0.1)]
    [InlineData(7, 0.01)]
    public void Step_multiplies_by_gamma_every_step_size(long t, double expected) =>
        Assert.Equal(expected, LearningRateSchedule.Factor(new SchedulerDefinition { Type = SchedulerKind.Step, StepSize = 3, Gamma = 0.1 }, t), 12);

    [Fact]
    public void Exponential_multiplies_by_gamma_every_unit() =>
        Assert.Equal(0.9 * 0.9 * 0.9, LearningRateSchedule.Factor(new SchedulerDefinition { Type = SchedulerKind.Exponential, Gamma = 0.9 }, 3), 12);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(5, 0.55)]   // final 0.1 + 0.9 × ½(1 + cos(π/2)) = 0.55
    [InlineData(10, 0.1)]
    [InlineData(12, 0.1)]
    public void Cosine_follows_half_a_cosine_to_final(long t, double expected) =>
        Assert.Equal(expected, LearningRateSchedule.Factor(new SchedulerDefinition { Type = SchedulerKind.Cosine, Period = 10, Final = 0.1 }, t), 12);

    [Fact]
    public void Warmup_rises_linearly_then_hands_over_to_the_schedule_counting_from_zero()
    {
        // Warm-up over 4 units: 1/4, 2/4, 3/4, 4/4; then the step schedule (step_size 1, gamma 0.5): 1, 0.5, 0.25.
        var schedule = new SchedulerDefinition { Type = SchedulerKind.Step, Warmup = 4, StepSize = 1, Gamma = 0.5 };

        Assert.Equal([0.25, 0.5, 0.75, 1.0, 1.0, 0.5, 0.25], Enumerable.Range(0, 7).Select(t => LearningRateSchedule.Factor(schedule, t)));
    }

    [Fact]
    public async Task A_per_step_schedule_sets_every_optimisers_rate_and_lr_is_logged_when_it_changes()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var path = TinyExperiments.Mnist(temp, steps: 6, everySteps: 100);

        var outcome = await engine.RunAsync(path,
        [
            "schedulers.default.type=step", "schedulers.default.interval=step", "schedulers.default.step_size=2",
            "schedulers.default.gamma=0.5", "checkpoints.enabled=false",
        ]);

        Assert.True(outcome.Status == RunStatus.Finished, outcome.Message);
        var changes = new FileStoreReader(temp.Combine("mlruns")).GetMetricHistory(outcome.RunId, "lr/generator");
        Assert.Equal([1L, 3, 5], changes.Select(p => p.Step));
        Assert.Equal([0.0002, 0.0001, 0.00005], changes.Select(p => p.Value), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public async Task A_resumed_run_continues_the_schedule_from_its_checkpoint()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var path = TinyExperiments.Mnist(temp, steps: 6, everySteps: 2);
        string[] overrides = ["schedulers.default.type=exponential", "schedulers.default.interval=step", "schedulers.default.gamma=0.5"];
        using var cancel = new CancellationTokenSource();

        var stopped = await engine.Runner.RunAsync(engine.Loader.Load(path, overrides), Gan.Toolkit.NullProgressReporter.Instance,
            new CancelAfterStep(cancel, step: 3), cancel.Token);
        var resumed = await engine.RunAsync(path, overrides, options: new Gan.Engine.Checkpoints.RunOptions { Resume = stopped.RunId });

        Assert.True(resumed.Status == RunStatus.Finished, resumed.Message);
        var rates = new FileStoreReader(temp.Combine("mlruns")).GetMetricHistory(resumed.RunId, "lr/generator")
            .GroupBy(p => p.Step).ToDictionary(g => g.Key, g => g.Last().Value);
        Assert.Equal(0.0002 * Math.Pow(0.5, 5), rates[6], 12);
    }
}

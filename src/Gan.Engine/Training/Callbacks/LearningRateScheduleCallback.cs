using Gan.Abstractions;
using Gan.Engine.Experiments;

namespace Gan.Engine.Training.Callbacks;

/// <summary>
/// Sets each scheduled optimiser's learning rates (<c>schedulers.&lt;role&gt;</c>, else <c>schedulers.default</c>) from the
/// stage's position: at its start (a resumed stage included: the rate is a function of the position, so nothing else
/// needs saving) and after every step or epoch. Runs after the step's tracking, so <c>lr/&lt;role&gt;</c> shows the
/// rate each step used.
/// </summary>
internal sealed class LearningRateScheduleCallback(OptimizerProvider optimizers, IReadOnlyDictionary<string, SchedulerDefinition> schedules)
    : IStageCallback
{
    public int Order => StageCallbackOrder.Tracking + 50;

    public void OnStageStart(ITrainingContext context)
    {
        Apply(ScheduleInterval.Step, context.Step);
        Apply(ScheduleInterval.Epoch, context.Epoch);
    }

    public void AfterStep(ITrainingContext context, IReadOnlyDictionary<string, double> values) => Apply(ScheduleInterval.Step, context.Step);

    public void AfterEpoch(ITrainingContext context) => Apply(ScheduleInterval.Epoch, context.Epoch + 1);

    private void Apply(ScheduleInterval interval, long position)
    {
        foreach (var (role, optimizer) in optimizers.Created)
        {
            if ((schedules.GetValueOrDefault(role) ?? schedules.GetValueOrDefault("default")) is not { } schedule || schedule.Interval != interval)
            {
                continue;
            }

            var factor = LearningRateSchedule.Factor(schedule, position);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = group.InitialLearningRate * factor;
            }
        }
    }
}

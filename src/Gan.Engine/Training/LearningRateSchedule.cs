using Gan.Engine.Experiments;

namespace Gan.Engine.Training;

/// <summary>The factor a schedule applies to an optimiser's initial learning rate after <c>t</c> units (steps or epochs).</summary>
internal static class LearningRateSchedule
{
    public static double Factor(SchedulerDefinition schedule, long t)
    {
        if (t < schedule.Warmup)
        {
            return (t + 1) / (double)schedule.Warmup;
        }

        var u = t - schedule.Warmup;
        return schedule.Type switch
        {
            SchedulerKind.Constant => 1.0,
            SchedulerKind.Linear => Linear(schedule, u),
            SchedulerKind.Step => Math.Pow(schedule.Gamma, u / schedule.StepSize),
            SchedulerKind.Exponential => Math.Pow(schedule.Gamma, u),
            SchedulerKind.Cosine => Cosine(schedule, u),
            _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule.Type, "unknown schedule"),
        };
    }

    private static double Linear(SchedulerDefinition schedule, long u)
    {
        var end = schedule.End!.Value;
        if (u <= schedule.Start)
        {
            return 1.0;
        }

        return u >= end ? schedule.Final : 1.0 - ((1.0 - schedule.Final) * (u - schedule.Start) / (end - schedule.Start));
    }

    private static double Cosine(SchedulerDefinition schedule, long u)
    {
        var period = schedule.Period!.Value;
        var progress = Math.Min(u, period) / (double)period;
        return schedule.Final + ((1.0 - schedule.Final) * 0.5 * (1.0 + Math.Cos(Math.PI * progress)));
    }
}

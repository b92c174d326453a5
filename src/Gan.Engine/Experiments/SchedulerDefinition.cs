using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.Experiments;

/// <summary>A learning-rate schedule for one optimiser role (<c>schedulers.&lt;role&gt;</c>); names follow torch.optim.lr_scheduler.</summary>
public sealed class SchedulerDefinition : IValidatableObject
{
    [Description("constant, linear, step, exponential or cosine.")]
    public SchedulerKind Type { get; set; } = SchedulerKind.Constant;

    [Description("What the schedule counts: epoch (finished epochs) or step (training steps).")]
    public ScheduleInterval Interval { get; set; } = ScheduleInterval.Epoch;

    [Range(0, long.MaxValue), Description("Linear warm-up over this many units, from 1/warmup of the rate to the full rate, before the schedule starts.")]
    public long Warmup { get; set; }

    [Range(0, long.MaxValue), Description("linear: units at the full rate before the decay starts.")]
    public long Start { get; set; }

    [Range(1, long.MaxValue), Description("linear: the unit at which the rate reaches final × the rate.")]
    public long? End { get; set; }

    [Range(0.0, 1.0), Description("linear and cosine: the fraction of the rate reached at the end.")]
    public double Final { get; set; }

    [Range(1, long.MaxValue), Description("step: units between two multiplications by gamma.")]
    public long StepSize { get; set; } = 1;

    [Range(0.0, 1.0), Description("step and exponential: the factor applied each step_size units (step) or each unit (exponential).")]
    public double Gamma { get; set; } = 0.1;

    [Range(1, long.MaxValue), Description("cosine: units of the half cosine (torch's T_max); the rate stays at final × the rate after it.")]
    public long? Period { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Type == SchedulerKind.Linear && (End is not { } end || end <= Start))
        {
            yield return new ValidationResult("a linear schedule needs 'end' after 'start'.", [nameof(End)]);
        }

        if (Type == SchedulerKind.Cosine && Period is null)
        {
            yield return new ValidationResult("a cosine schedule needs 'period'.", [nameof(Period)]);
        }
    }
}

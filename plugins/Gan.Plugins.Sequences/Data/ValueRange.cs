using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Sequences.Data;

/// <summary>Checks and reads a <c>[min, max]</c> option (a single value means a fixed number).</summary>
internal static class ValueRange
{
    /// <summary>Errors when <paramref name="range"/> is not one or two numbers with min ≤ max within the bounds.</summary>
    public static IEnumerable<ValidationResult> Validate(IReadOnlyList<double>? range, string member, double lowest, double highest)
    {
        if (range is null || range.Count is < 1 or > 2)
        {
            yield return new ValidationResult($"{member} must be [min, max] (or one value).", [member]);
            yield break;
        }

        var (min, max) = Bounds(range);
        if (min > max)
        {
            yield return new ValidationResult($"{member}: min {min} is above max {max}.", [member]);
        }

        if (min < lowest || max > highest)
        {
            yield return new ValidationResult($"{member} must lie within [{lowest}, {highest}].", [member]);
        }
    }

    /// <summary>(min, max) of a validated range.</summary>
    public static (double Min, double Max) Bounds(IReadOnlyList<double> range) => (range[0], range[^1]);
}

using System.Globalization;
using Gan.Abstractions;

namespace Gan.Engine.Checkpoints;

/// <summary>
/// Refuses a checkpoint whose networks do not fit this experiment's, naming the first mismatched tensor and,
/// when the two experiments' <c>model.&lt;role&gt;</c> options differ, the options that probably caused it.
/// </summary>
internal static class CompatibilityCheck
{
    public static void Verify(
        string checkpointFolder,
        NetworkEntry saved,
        IReadOnlyDictionary<string, long[]> current,
        IReadOnlyDictionary<string, string> savedOptions,
        IReadOnlyDictionary<string, string> currentOptions)
    {
        string? problem = null;
        foreach (var (name, shape) in saved.Shapes)
        {
            if (!current.TryGetValue(name, out var now))
            {
                problem = $"parameter {name} is in the checkpoint but not in this experiment's network";
                break;
            }

            if (!shape.SequenceEqual(now))
            {
                problem = $"parameter {name} has shape {Format(shape)} in the checkpoint but {Format(now)} in this experiment";
                break;
            }
        }

        problem ??= current.Keys.FirstOrDefault(k => !saved.Shapes.ContainsKey(k)) is { } extra
            ? $"parameter {extra} of this experiment's network is not in the checkpoint"
            : null;
        if (problem is null)
        {
            return;
        }

        var prefix = $"model.{saved.Instance}.";
        var differing = savedOptions.Keys.Concat(currentOptions.Keys)
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !k.EndsWith(".type", StringComparison.Ordinal) || k == prefix + "type")
            .Distinct(StringComparer.Ordinal)
            .Where(k => savedOptions.GetValueOrDefault(k) != currentOptions.GetValueOrDefault(k))
            .Select(k => $"{k[prefix.Length..]}: {savedOptions.GetValueOrDefault(k) ?? "(unset)"} -> {currentOptions.GetValueOrDefault(k) ?? "(unset)"}")
            .ToList();
        var hint = differing.Count > 0 ? $" ({string.Join(", ", differing)}?)" : "";
        throw new GanInputException(
            $"Cannot resume from {checkpointFolder}: model.{saved.Instance}: {problem}{hint}. " +
            "The checkpoint was written by an experiment with different network shapes; resume with the same model settings.");
    }

    private static string Format(long[] shape) =>
        "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}

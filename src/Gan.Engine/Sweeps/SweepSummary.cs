using System.Globalization;
using System.Text;
using Gan.Engine.Checkpoints;

namespace Gan.Engine.Sweeps;

/// <summary>The sweep's outcome: one row per trial, the best first (finished trials with the metric, then the rest).</summary>
public sealed class SweepSummary
{
    private SweepSummary(IReadOnlyList<SweepSummaryRow> rows, string? metric, bool hasRungs) => (Rows, Metric, HasRungs) = (rows, metric, hasRungs);

    /// <summary>True for an asha sweep: rows carry the trial's last rung and its steps.</summary>
    public bool HasRungs { get; }

    /// <summary>Rows, best first.</summary>
    public IReadOnlyList<SweepSummaryRow> Rows { get; }

    /// <summary>The ranking metric.</summary>
    public string? Metric { get; }

    /// <summary>The best finished trial, if any has the metric.</summary>
    public SweepSummaryRow? Best => Rows.FirstOrDefault(r => r.Result?.Succeeded == true && r.Value is not null);

    /// <summary>Trials that did not finish.</summary>
    public IReadOnlyList<SweepSummaryRow> Failed => Rows.Where(r => r.Result?.Succeeded != true).ToList();

    /// <summary>Reads every trial's result from <paramref name="sweepFolder"/> and ranks them.</summary>
    public static SweepSummary Build(string sweepFolder, SweepManifest manifest)
    {
        var rows = manifest.Trials.Select(trial =>
        {
            var result = TrialResult.TryRead(sweepFolder, trial);
            double? value = manifest.Metric is { } metric && result?.Metrics.TryGetValue(metric, out var v) == true ? v : null;
            return new SweepSummaryRow(trial, result, value);
        });
        var sign = manifest.Mode == MetricGoal.Min ? 1 : -1;
        var ranked = rows
            .OrderByDescending(r => r.Trial.Rung) // asha: trials that went further rank above those stopped earlier
            .ThenBy(r => r.Result?.Succeeded == true ? 0 : 1)
            .ThenBy(r => r.Value is { } value && double.IsFinite(value) ? 0 : 1)
            .ThenBy(r => r.Value is { } value && double.IsFinite(value) ? sign * value : 0)
            .ThenBy(r => r.Trial.Index)
            .ToList();
        return new SweepSummary(ranked, manifest.Metric, manifest.Method == SweepMethod.Asha);
    }

    /// <summary>The table as tab-separated text (written as <c>summary.tsv</c> and logged on the parent run).</summary>
    public string ToTsv()
    {
        var text = new StringBuilder();
        var rungHeader = HasRungs ? "\trung\tsteps" : "";
        text.Append(CultureInfo.InvariantCulture, $"rank\ttrial\tstatus\t{Metric ?? "metric"}{rungHeader}\trun_id\tseconds\toverrides\n");
        var rank = 1;
        foreach (var row in Rows)
        {
            var rung = HasRungs ? $"\t{row.RungText}\t{row.StepsText}" : "";
            text.Append(CultureInfo.InvariantCulture,
                $"{rank++}\t{row.Trial.Index}\t{row.Status}\t{row.ValueText}{rung}\t{row.Result?.RunId ?? ""}\t{row.Result?.Seconds ?? 0:F1}\t{string.Join(" ", row.Trial.Overrides)}\n");
        }

        return text.ToString();
    }
}

/// <summary>One trial in the summary.</summary>
/// <param name="Trial">The trial.</param>
/// <param name="Result">Its result; null when it left none.</param>
/// <param name="Value">Its last value of the ranking metric.</param>
public sealed record SweepSummaryRow(TrialSpec Trial, TrialResult? Result, double? Value)
{
    /// <summary>The trial's status, NOT RUN when it left no result.</summary>
    public string Status => Result?.Status ?? "NOT RUN";

    /// <summary>asha: the trial's last rung, counted from 1 as the progress lines do.</summary>
    public string RungText => (Trial.Rung + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>asha: how far the trial's last stage got.</summary>
    public string StepsText => (Result?.Steps ?? 0).ToString(CultureInfo.InvariantCulture);

    /// <summary>The metric for display.</summary>
    public string ValueText => Value is { } value ? value.ToString("G6", CultureInfo.InvariantCulture) : "-";
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gan.Bench.Mnist;

/// <summary>
/// One timed run of a training loop, as each side prints it (one JSON line, snake_case, so the PyTorch script
/// writes the same shape).
/// </summary>
/// <param name="Side">engine, bare or pytorch.</param>
/// <param name="Steps">Training steps timed.</param>
/// <param name="Seconds">Wall time of those steps (data preparation and start-up excluded).</param>
/// <param name="DataWaitShare">Share of the loop's time spent waiting for batches; null where not measured.</param>
/// <param name="Rss">Resident memory samples after the warm-up.</param>
/// <param name="Details">Free-form facts about the run (versions, BLAS, last losses).</param>
public sealed record LoopMeasurement(
    string Side,
    long Steps,
    double Seconds,
    double? DataWaitShare,
    IReadOnlyList<MemorySample> Rss,
    IReadOnlyDictionary<string, string> Details)
{
    /// <summary>JSON options shared by the writer and the reader.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The process's peak resident memory (VmHWM) at the end of the run, in bytes; null where not measured.</summary>
    public long? PeakRssBytes { get; init; }

    /// <summary>Steps per second.</summary>
    [JsonIgnore]
    public double StepsPerSecond => Seconds > 0 ? Steps / Seconds : double.NaN;

    /// <summary>Resident memory growth from the first to the last sample after warm-up, in bytes; NaN without two samples.</summary>
    [JsonIgnore]
    public double RssGrowthBytes => Rss.Count >= 2 ? Rss[^1].RssBytes - Rss[0].RssBytes : double.NaN;

    /// <summary>One line for the progress output: speed, data wait, peak and resident memory where measured.</summary>
    public string Summary()
    {
        const double Mb = 1024 * 1024;
        var text = $"{StepsPerSecond,8:F2} steps/s ({Steps} steps in {Seconds:F1} s)";
        if (DataWaitShare is { } wait)
        {
            text += $", data wait {wait:P2}";
        }

        if (PeakRssBytes is { } peak)
        {
            text += $", peak RSS {peak / Mb:F0} MB";
        }

        if (!double.IsNaN(RssGrowthBytes))
        {
            text += $", RSS {Rss[0].RssBytes / Mb:F0} -> {Rss[^1].RssBytes / Mb:F0} MB";
        }

        return text;
    }

    /// <summary>Reads the JSON line a side printed.</summary>
    public static LoopMeasurement Parse(string json) =>
        JsonSerializer.Deserialize<LoopMeasurement>(json, Json) ?? throw new JsonException("empty measurement");

    /// <summary>This measurement as one JSON line.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

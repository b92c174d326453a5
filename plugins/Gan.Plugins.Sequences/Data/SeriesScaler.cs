using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gan.Abstractions;
using Gan.Toolkit;

namespace Gan.Plugins.Sequences.Data;

/// <summary>
/// An affine scaling <c>scaled = (value - Offset) / Scale</c>, fitted on the training part of a series only (so
/// validation data never leaks into it) and saved as JSON beside the model, so predictions can be un-scaled.
/// </summary>
internal sealed record SeriesScaler(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("offset")] double Offset,
    [property: JsonPropertyName("scale")] double Scale)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The identity scaling, for data already in training units.</summary>
    public static SeriesScaler Identity { get; } = new("none", 0, 1);

    /// <summary>Fits <paramref name="kind"/> on <paramref name="training"/>; a constant series scales by 1.</summary>
    public static SeriesScaler Fit(ScalingKind kind, IReadOnlyList<double> training)
    {
        if (kind == ScalingKind.None || training.Count == 0)
        {
            return Identity;
        }

        if (kind == ScalingKind.MinMax)
        {
            var min = training.Min();
            var max = training.Max();
            var half = (max - min) / 2;
            return new SeriesScaler("min_max", min + half, half > 0 ? half : 1);
        }

        var mean = training.Average();
        var std = Math.Sqrt(training.Sum(v => (v - mean) * (v - mean)) / training.Count);
        return new SeriesScaler("standard", mean, std > 0 ? std : 1);
    }

    /// <summary>Into training units.</summary>
    public double Transform(double value) => (value - Offset) / Scale;

    /// <summary>Back into the data's units.</summary>
    public double Inverse(double scaled) => (scaled * Scale) + Offset;

    /// <summary>The scaler as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes the JSON to <paramref name="path"/> atomically, creating its folder.</summary>
    public void Save(string path) => AtomicFile.WriteText(path, ToJson());

    /// <summary>Reads a scaler saved by <see cref="Save"/>; a damaged file is a <see cref="GanInputException"/> naming it.</summary>
    public static SeriesScaler Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<SeriesScaler>(File.ReadAllText(path))
                ?? throw new GanInputException($"{path}: empty scaler file.");
        }
        catch (JsonException ex)
        {
            throw new GanInputException($"{path}: not a scaler file ({ex.Message}).", ex);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind}: (value - {Offset:G6}) / {Scale:G6}");
}

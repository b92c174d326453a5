using System.Text.Json;
using Gan.Abstractions;

namespace Gan.Tracking;

/// <summary>
/// A dataset input as MLflow's REST API carries it (<c>runs/log-inputs</c>: a <c>Dataset</c> and its input tags), the
/// one form every backend stores: the SQL store as rows of <c>datasets</c>, <c>inputs</c> and <c>input_tags</c>, the
/// file store as <c>datasets/</c> and <c>inputs/</c> folders, a server as the request itself.
/// </summary>
internal static class DatasetInputs
{
    /// <summary>MLflow's input tag holding the context (<c>training</c>, <c>validation</c>).</summary>
    public const string ContextTag = MlflowTags.DataContext;

    /// <summary>MLflow's dataset input for <paramref name="info"/>.</summary>
    public static DatasetInputDto From(DatasetInfo info)
    {
        var remote = info.Source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || info.Source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        // MLflow's own dataset sources serialise as {"uri": ...} (local artifacts) and {"url": ...} (HTTP).
        var source = remote
            ? JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = info.Source }, MlflowJsonContext.Default.DictionaryStringString)
            : JsonSerializer.Serialize(new Dictionary<string, string> { ["uri"] = info.Source }, MlflowJsonContext.Default.DictionaryStringString);
        var profile = JsonSerializer.Serialize(info.Profile.ToDictionary(kv => kv.Key, kv => kv.Value), MlflowJsonContext.Default.DictionaryStringInt64);
        return new DatasetInputDto(
            [new KeyValueDto(ContextTag, info.Context)],
            new DatasetDto(info.Name, info.Digest, remote ? "http" : "local", source, null, profile));
    }

    /// <summary>The JSON carried in a queued operation's text.</summary>
    public static string Serialize(DatasetInputDto input) => JsonSerializer.Serialize(input, MlflowJsonContext.Default.DatasetInputDto);

    /// <summary>Reads <see cref="Serialize"/>'s text back.</summary>
    public static DatasetInputDto Deserialize(string json) =>
        JsonSerializer.Deserialize(json, MlflowJsonContext.Default.DatasetInputDto) ?? throw new JsonException("empty dataset input");

    /// <summary>The form <see cref="ITrackingReader"/> returns.</summary>
    public static RunDataset ToRunDataset(DatasetDto dataset, IEnumerable<KeyValueDto>? tags) => new(
        dataset.Name,
        dataset.Digest,
        dataset.SourceType,
        dataset.Source,
        dataset.Profile,
        tags?.FirstOrDefault(t => t.Key == ContextTag)?.Value);
}

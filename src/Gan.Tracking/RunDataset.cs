namespace Gan.Tracking;

/// <summary>A dataset input of a run, read back from any backend.</summary>
/// <param name="Name">The dataset's name.</param>
/// <param name="Digest">Its fingerprint.</param>
/// <param name="SourceType"><c>local</c> or <c>http</c>.</param>
/// <param name="Source">MLflow's source JSON (<c>{"uri": ...}</c> or <c>{"url": ...}</c>).</param>
/// <param name="Profile">The profile JSON (counts), if any.</param>
/// <param name="Context">The <c>mlflow.data.context</c> tag, if any.</param>
public sealed record RunDataset(string Name, string Digest, string SourceType, string Source, string? Profile, string? Context);

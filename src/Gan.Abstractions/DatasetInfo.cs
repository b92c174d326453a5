namespace Gan.Abstractions;

/// <summary>
/// A dataset a run read, recorded as an MLflow dataset input (the run's "Datasets" in MLflow's UI). Added in 1.1.
/// </summary>
/// <param name="Name">Short name, e.g. <c>mnist-train</c> or <c>horse2zebra</c>.</param>
/// <param name="Digest">Fingerprint of what was read (see <see cref="DatasetFingerprint"/>): it changes when any file read changes.</param>
/// <param name="Source">Where it was read: an absolute local path, or the URL it was downloaded from.</param>
/// <param name="Context"><see cref="TrainingContext"/> or <see cref="ValidationContext"/> (MLflow's <c>mlflow.data.context</c> tag).</param>
/// <param name="Profile">Counts that describe it: images per domain, segments, windows, pairs, vocabulary size.</param>
public sealed record DatasetInfo(string Name, string Digest, string Source, string Context, IReadOnlyDictionary<string, long> Profile)
{
    /// <summary>The context of data a model trains on.</summary>
    public const string TrainingContext = "training";

    /// <summary>The context of held-out data a model is evaluated on.</summary>
    public const string ValidationContext = "validation";
}

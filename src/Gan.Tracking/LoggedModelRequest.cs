namespace Gan.Tracking;

/// <summary>
/// A trained network to record as an MLflow model: its files (an <c>MLmodel</c>, the weights, ...), recorded as an
/// MLflow 3 LoggedModel where the backend has them (an MLflow server, the SQLite store) so the experiment's Models tab
/// lists it, and always reachable as <c>runs:/&lt;run id&gt;/&lt;artifact path&gt;</c>.
/// </summary>
/// <param name="Name">The model's name (e.g. <c>train-generator</c>).</param>
/// <param name="ArtifactPath">Its path in the run (e.g. <c>models/train/generator</c>), the part after <c>runs:/&lt;run id&gt;/</c>.</param>
/// <param name="ModelType">MLflow's <c>model_type</c> (here the flavor, <c>torchsharp</c>).</param>
/// <param name="Files">File name → content; <c>MLmodel</c> among them.</param>
/// <param name="Params">Recorded on the model (its options).</param>
/// <param name="Tags">Recorded on the model.</param>
/// <param name="Metrics">The run's final values, recorded on the model at <paramref name="Step"/>.</param>
/// <param name="Step">The training step the model was saved at.</param>
public sealed record LoggedModelRequest(
    string Name,
    string ArtifactPath,
    string ModelType,
    IReadOnlyDictionary<string, byte[]> Files,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, double> Metrics,
    long Step);

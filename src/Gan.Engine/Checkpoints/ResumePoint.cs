namespace Gan.Engine.Checkpoints;

/// <summary>A checkpoint chosen to resume from.</summary>
/// <param name="Folder">The checkpoint folder (holding <c>state.json</c>).</param>
/// <param name="Manifest">Its manifest.</param>
/// <param name="StoredSteps">
/// Per metric key, the last step the tracking store holds after trimming; null when the store cannot tell
/// (then nothing is re-logged, so nothing can be logged twice).
/// </param>
public sealed record ResumePoint(string Folder, CheckpointManifest Manifest, IReadOnlyDictionary<string, IReadOnlySet<long>>? StoredSteps = null)
{
    /// <summary>The run's checkpoint folder (<c>checkpoints/&lt;run id&gt;</c>), which holds its experiment.yaml.</summary>
    public string RunFolder => Path.GetDirectoryName(Path.GetDirectoryName(Folder)!)!;
}

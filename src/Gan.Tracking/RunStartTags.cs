namespace Gan.Tracking;

/// <summary>
/// The tags every backend sets when a run starts or is reopened: the caller's tags, the run name, the parent link,
/// and on creation what MLflow's client-side context providers would set (user, source type and name) unless the
/// caller already did.
/// </summary>
internal static class RunStartTags
{
    /// <summary>Tags for <paramref name="request"/>, in the order they should be written.</summary>
    /// <param name="request">The start request.</param>
    /// <param name="runName">The name the run ends up with (null leaves <c>mlflow.runName</c> alone).</param>
    /// <param name="creating">True for a new run: adds the context tags MLflow's client would add.</param>
    public static IEnumerable<KeyValuePair<string, string>> For(RunStartRequest request, string? runName, bool creating)
    {
        if (creating)
        {
            if (!request.Tags.ContainsKey(MlflowTags.User))
            {
                yield return new(MlflowTags.User, Environment.UserName);
            }

            if (!request.Tags.ContainsKey(MlflowTags.SourceType))
            {
                yield return new(MlflowTags.SourceType, MlflowTags.LocalSource);
            }

            if (!request.Tags.ContainsKey(MlflowTags.SourceName) && Environment.ProcessPath is { } process)
            {
                yield return new(MlflowTags.SourceName, process);
            }
        }

        foreach (var tag in request.Tags)
        {
            if (tag.Key != TrackingKeys.RunNameTag)
            {
                yield return tag;
            }
        }

        if (runName is not null)
        {
            yield return new(TrackingKeys.RunNameTag, runName);
        }

        if (request.ParentRunId is { Length: > 0 } parent)
        {
            yield return new(TrackingKeys.ParentRunIdTag, parent);
        }
    }
}

namespace Gan.Tracking;

/// <summary>What a queued <see cref="TrackingOperation"/> records.</summary>
internal enum TrackingOperationKind
{
    Metric,
    Param,
    Tag,
    Artifact,
    Dataset,
    Model,
    End,
}

namespace Gan.Tracking;

/// <summary>The spool's <c>run.json</c>: which server and run its records belong to (never credentials).</summary>
internal sealed record SpoolManifest(string TrackingUri, string ExperimentId, string RunId, string ArtifactUri, long Created);

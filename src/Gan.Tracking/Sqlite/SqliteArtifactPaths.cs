using System.Globalization;

namespace Gan.Tracking.Sqlite;

/// <summary>
/// Where MLflow's client puts artifacts for a SQL-backed store: an artifact root (<c>./mlruns</c> in the current
/// directory, made absolute), <c>&lt;root&gt;/&lt;experiment id&gt;</c> per experiment and
/// <c>&lt;experiment location&gt;/&lt;run id&gt;/artifacts</c> per run (SqlAlchemyStore, resolve_uri_if_local).
/// </summary>
internal static class SqliteArtifactPaths
{
    /// <summary>The artifact location of a new experiment: a plain absolute path, as MLflow records it.</summary>
    public static string ExperimentLocation(string artifactRoot, long experimentId) =>
        artifactRoot.Replace('\\', '/').TrimEnd('/') + "/" + experimentId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A run's artifact URI under its experiment's location.</summary>
    public static string RunArtifactUri(string experimentLocation, string runId) =>
        experimentLocation.TrimEnd('/') + "/" + runId + "/artifacts";

    /// <summary>The local folder of an artifact URI or path, or null when it is remote (s3:, mlflow-artifacts:, ...).</summary>
    public static string? LocalFolder(string location)
    {
        if (Path.IsPathFullyQualified(location))
        {
            return location;
        }

        return FileStorePaths.LocalPathOf(location);
    }
}

namespace Gan.Tracking.Sqlite;

/// <summary>
/// Where a <c>sqlite:</c> tracking URI points, read as SQLAlchemy (and so MLflow) reads it:
/// <c>sqlite:///relative/path.db</c> is relative to the current directory, <c>sqlite:////abs/path.db</c> absolute.
/// </summary>
public static class SqliteStoreLocation
{
    /// <summary>The URI scheme prefix.</summary>
    public const string Scheme = "sqlite:";

    /// <summary>MLflow's default tracking URI since 3.7.</summary>
    public const string DefaultUri = "sqlite:///mlflow.db";

    /// <summary>True when <paramref name="uri"/> names a SQLite database.</summary>
    public static bool IsSqliteUri(string uri) => uri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The absolute database path of <paramref name="uri"/>.</summary>
    /// <exception cref="FormatException">Not a file-backed <c>sqlite:///</c> URI (in-memory databases cannot be viewed later).</exception>
    public static string DatabasePath(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        const string prefix = "sqlite:///";
        if (!uri.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{uri}' is not a SQLite file URI: write sqlite:///relative/path.db or sqlite:////absolute/path.db.");
        }

        var path = uri[prefix.Length..];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            // SQLAlchemy's driver options (?timeout=...) do not change where the file is.
            path = path[..query];
        }

        if (path.Length == 0 || path == ":memory:")
        {
            throw new FormatException($"'{uri}' is an in-memory database; runs recorded there vanish with the process. Name a file: sqlite:///mlflow.db.");
        }

        return Path.GetFullPath(path);
    }

    /// <summary>The URI MLflow's tools take for the database at <paramref name="databasePath"/> (absolute form).</summary>
    public static string UriFor(string databasePath) => "sqlite:///" + Path.GetFullPath(databasePath).Replace('\\', '/');
}

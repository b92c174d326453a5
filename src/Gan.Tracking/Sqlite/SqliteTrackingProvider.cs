using Gan.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Tracking.Sqlite;

/// <summary>
/// <c>sqlite:</c> URIs: MLflow's SQLite store (<c>sqlite:///relative.db</c>, <c>sqlite:////abs/path.db</c>), with new
/// experiments' artifacts under <see cref="TrackingTarget.ArtifactRoot"/> as MLflow's client puts them.
/// </summary>
public sealed class SqliteTrackingProvider(ILoggerFactory? loggerFactory = null) : ITrackingProvider
{
    private readonly ILoggerFactory _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Schemes { get; } = ["sqlite"];

    /// <inheritdoc />
    public bool CanHandle(string uri) => SqliteStoreLocation.IsSqliteUri(uri);

    /// <inheritdoc />
    public void Validate(TrackingTarget target) => _ = DatabasePath(target.Uri);

    /// <inheritdoc />
    public ITrackingStore Create(TrackingTarget target) => new SqliteTrackingStore(DatabasePath(target.Uri), target.ArtifactRoot, _loggerFactory);

    /// <summary>The database file a <c>sqlite:</c> URI names; a malformed or in-memory URI is a <see cref="GanInputException"/>.</summary>
    public static string DatabasePath(string uri)
    {
        try
        {
            return SqliteStoreLocation.DatabasePath(uri);
        }
        catch (FormatException ex)
        {
            throw new GanInputException("Tracking URI " + ex.Message);
        }
    }
}

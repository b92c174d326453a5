using Gan.Tracking.Sqlite;

namespace Gan.Tracking.Tests.Backends;

public sealed class SqliteBackendTests : TrackingBackendContract
{
    private readonly SqliteTrackingStore _store;

    public SqliteBackendTests() =>
        _store = new SqliteTrackingStore(Temp.Combine("mlflow.db"), Temp.Combine("mlruns"));

    protected override ITrackingStore Store => _store;

    protected override ITrackingStore OpenAnotherStore() => new SqliteTrackingStore(_store.DatabasePath, _store.ArtifactRoot);

    protected override ITrackingReader CreateReader() => new SqliteTrackingReader(_store.DatabasePath);

    protected override string ReadArtifact(RunInfo run, string path) =>
        File.ReadAllText(Path.Combine(run.ArtifactUri, path));
}

namespace Gan.Tracking.Tests.Backends;

public sealed class FileBackendTests : TrackingBackendContract
{
    private readonly FileTrackingStore _store;

    public FileBackendTests() => _store = new FileTrackingStore(Temp.Combine("mlruns"));

    protected override bool HasLoggedModels => false;

    protected override ITrackingStore Store => _store;

    protected override ITrackingStore OpenAnotherStore() => new FileTrackingStore(_store.RootDirectory);

    protected override ITrackingReader CreateReader() => new FileTrackingReader(_store.RootDirectory);

    protected override string ReadArtifact(RunInfo run, string path) =>
        File.ReadAllText(Path.Combine(new Uri(run.ArtifactUri).LocalPath, path));
}

namespace Gan.Tracking.Tests.Backends;

public sealed class RestBackendTests : TrackingBackendContract
{
    private readonly RestFixture _rest = new();

    protected override bool CanDeleteMetricValues => false;

    protected override ITrackingStore Store => _rest.Store;

    protected override ITrackingReader CreateReader() => new RestTrackingReader(_rest.Connection);

    protected override string ReadArtifact(RunInfo run, string path) =>
        System.Text.Encoding.UTF8.GetString(_rest.Server.Artifacts().Single(a => a.Key.EndsWith(run.RunId + "/artifacts/" + path, StringComparison.Ordinal)).Value);

    public override void Dispose()
    {
        _rest.Dispose();
        base.Dispose();
    }
}

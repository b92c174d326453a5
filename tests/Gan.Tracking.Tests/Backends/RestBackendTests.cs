namespace Gan.Tracking.Tests.Backends;

public sealed class RestBackendTests : TrackingBackendContract
{
    private readonly RestFixture _rest = new();
    private readonly System.Collections.Concurrent.ConcurrentBag<RestTrackingStore> _others = [];

    protected override bool CanDeleteMetricValues => false;

    protected override ITrackingStore Store => _rest.Store;

    // Disposed with the test: each holds its own HTTP handler.
    protected override ITrackingStore OpenAnotherStore()
    {
        var store = new RestTrackingStore(_rest.Connection, _rest.Options);
        _others.Add(store);
        return store;
    }

    protected override ITrackingReader CreateReader() => new RestTrackingReader(_rest.Connection);

    protected override void AssertLoggedModel(string modelId, string runId)
    {
        var model = _rest.Server.LoggedModelSnapshot(modelId)!;
        Assert.Equal(("train-generator", "LOGGED_MODEL_READY", runId), (model.Name, model.Status, model.SourceRunId));
        Assert.Equal("100", model.Params["latent_dim"]);
        Assert.Equal("train", model.Tags["gan.stage"]);
        Assert.Equal((0.5, 100L), (Assert.Single(model.Metrics).Value, model.Metrics[0].Step));
        Assert.Contains(_rest.Server.Artifacts().Keys, k => k == $"{model.ExperimentId}/models/{modelId}/artifacts/generator.pt");
    }

    protected override string ReadArtifact(RunInfo run, string path) =>
        System.Text.Encoding.UTF8.GetString(_rest.Server.Artifacts().Single(a => a.Key.EndsWith(run.RunId + "/artifacts/" + path, StringComparison.Ordinal)).Value);

    public override void Dispose()
    {
        foreach (var store in _others)
        {
            store.Dispose();
        }

        _rest.Dispose();
        base.Dispose();
    }
}

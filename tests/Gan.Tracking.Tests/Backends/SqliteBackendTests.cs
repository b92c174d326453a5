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

    protected override void AssertLoggedModel(string modelId, string runId)
    {
        var db = _store.DatabasePath;
        Assert.Equal($"train-generator|2|active|torchsharp|{runId}", Sqlite.SqliteSchemaTests.Scalar(db,
            $"SELECT name || '|' || status || '|' || lifecycle_stage || '|' || model_type || '|' || source_run_id FROM logged_models WHERE model_id = '{modelId}'"));
        Assert.Equal("latent_dim=100", Sqlite.SqliteSchemaTests.Scalar(db, $"SELECT param_key || '=' || param_value FROM logged_model_params WHERE model_id = '{modelId}'"));
        Assert.Equal("gan.stage=train", Sqlite.SqliteSchemaTests.Scalar(db, $"SELECT tag_key || '=' || tag_value FROM logged_model_tags WHERE model_id = '{modelId}'"));
        Assert.Equal("d_loss@100", Sqlite.SqliteSchemaTests.Scalar(db, $"SELECT metric_name || '@' || metric_step FROM logged_model_metrics WHERE model_id = '{modelId}' AND run_id = '{runId}'"));
        // Where MLflow's SQL store puts a model's files: <experiment location>/models/<model id>/artifacts.
        Assert.Equal($"{_store.ArtifactRoot}/1/models/{modelId}/artifacts",
            Sqlite.SqliteSchemaTests.Scalar(db, $"SELECT artifact_location FROM logged_models WHERE model_id = '{modelId}'")!.Replace('\\', '/'));
    }

    protected override string ReadArtifact(RunInfo run, string path) =>
        File.ReadAllText(Path.Combine(run.ArtifactUri, path));
}
